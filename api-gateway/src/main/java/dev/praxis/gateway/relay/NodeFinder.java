package dev.praxis.gateway.relay;

import dev.praxis.gateway.client.MinPosition;
import dev.praxis.gateway.client.QueryServiceClient;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** Finds objects by global id with one batch request per object type, whatever the number of ids. */
@Component
class NodeFinder {

    private final QueryServiceClient queries;

    NodeFinder(QueryServiceClient queries) {
        this.queries = queries;
    }

    /** The objects named by {@code ids}, in the same order, with null for those that do not exist. */
    List<Object> find(List<GlobalId> ids, MinPosition min) {
        Map<NodeType, List<String>> rawIdsByType = ids.stream().collect(Collectors.groupingBy(
                GlobalId::type, () -> new EnumMap<>(NodeType.class),
                Collectors.mapping(GlobalId::rawId, Collectors.toList())));
        Map<NodeType, Map<String, ?>> found = new EnumMap<>(NodeType.class);
        rawIdsByType.forEach((type, rawIds) -> found.put(type, fetch(type, rawIds, min)));
        List<Object> nodes = new ArrayList<>(ids.size());
        for (GlobalId id : ids) {
            nodes.add(found.get(id.type()).get(id.rawId()));
        }
        return nodes;
    }

    private Map<String, ?> fetch(NodeType type, List<String> rawIds, MinPosition min) {
        return switch (type) {
            case COMMUNITY -> queries.communitiesById(rawIds, min);
            case QUESTION -> queries.questionsById(rawIds, min);
            case ANSWER -> queries.answersById(rawIds, min);
            case MEMBER -> queries.membersById(rawIds, min);
            case ARTICLE -> queries.articlesById(rawIds, min);
            case COMMENT -> queries.commentsById(rawIds, min);
        };
    }
}
