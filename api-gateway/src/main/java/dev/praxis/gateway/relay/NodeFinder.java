package dev.praxis.gateway.relay;

import dev.praxis.gateway.client.MinPosition;
import dev.praxis.gateway.client.Viewer;
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

    /**
     * The objects named by {@code ids}, in the same order, with null for those that do not exist or
     * that the viewer may not see (the query service leaves both out of its batches alike).
     */
    List<Object> find(List<GlobalId> ids, Viewer viewer, MinPosition min) {
        Map<NodeType, List<String>> rawIdsByType = ids.stream().collect(Collectors.groupingBy(
                GlobalId::type, () -> new EnumMap<>(NodeType.class),
                Collectors.mapping(GlobalId::rawId, Collectors.toList())));
        Map<NodeType, Map<String, ?>> found = new EnumMap<>(NodeType.class);
        rawIdsByType.forEach((type, rawIds) -> found.put(type, fetch(type, rawIds, viewer, min)));
        List<Object> nodes = new ArrayList<>(ids.size());
        for (GlobalId id : ids) {
            nodes.add(found.get(id.type()).get(id.rawId()));
        }
        return nodes;
    }

    private Map<String, ?> fetch(NodeType type, List<String> rawIds, Viewer viewer, MinPosition min) {
        return switch (type) {
            case COMMUNITY -> queries.communitiesById(rawIds, viewer, min);
            case QUESTION -> queries.questionsById(rawIds, viewer, min);
            case ANSWER -> queries.answersById(rawIds, viewer, min);
            case MEMBER -> queries.membersById(rawIds, viewer, min);
            case ARTICLE -> queries.articlesById(rawIds, viewer, min);
            case COMMENT -> queries.commentsById(rawIds, viewer, min);
        };
    }
}
