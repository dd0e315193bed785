package dev.praxis.gateway.knowledge;

import dev.praxis.api.query.ExpertSuggestionView;
import dev.praxis.api.query.ExpertView;
import dev.praxis.api.query.ExpertiseView;
import dev.praxis.api.query.KnowledgeConnectionView;
import dev.praxis.api.query.KnowledgeRelatedTopicView;
import dev.praxis.api.query.Page;
import dev.praxis.gateway.client.DownstreamException;
import dev.praxis.gateway.client.MinPosition;
import dev.praxis.gateway.client.QueryServiceClient;
import dev.praxis.gateway.relay.PageRequest;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.util.UriBuilder;

/** The knowledge graph's reads of the query service; every one names the viewer, whose access it is judged by. */
@Component
class KnowledgeClient {

    private static final ParameterizedTypeReference<Page<ExpertView>> EXPERTS = new ParameterizedTypeReference<>() {
    };
    private static final ParameterizedTypeReference<Page<ExpertSuggestionView>> SUGGESTIONS = new ParameterizedTypeReference<>() {
    };
    private static final ParameterizedTypeReference<Page<KnowledgeRelatedTopicView>> RELATED = new ParameterizedTypeReference<>() {
    };
    private static final ParameterizedTypeReference<Page<ExpertiseView>> EXPERTISE = new ParameterizedTypeReference<>() {
    };

    private final RestClient rest;

    KnowledgeClient(QueryServiceClient queries) {
        this.rest = queries.rest();
    }

    Page<ExpertView> experts(String communityId, List<String> topics, int evidence, PageRequest page, String viewer,
                             MinPosition min) {
        return rest.get().uri(uri -> {
            Map<String, Object> variables = new HashMap<>(Map.of("communityId", communityId));
            uri.path("/communities/{communityId}/experts").queryParam("evidence", evidence);
            for (int i = 0; i < topics.size(); i++) {
                // as URI variables, topic names such as c# or c++ survive encoding
                uri.queryParam("topic", "{topic" + i + "}");
                variables.put("topic" + i, topics.get(i));
            }
            return build(uri, page, viewer, min, variables);
        }).retrieve().body(EXPERTS);
    }

    Page<ExpertSuggestionView> suggestedAnswerers(String questionId, PageRequest page, String viewer, MinPosition min) {
        return rest.get().uri(uri -> build(uri.path("/questions/{questionId}/suggested-answerers"), page, viewer, min,
                Map.of("questionId", questionId))).retrieve().body(SUGGESTIONS);
    }

    Page<KnowledgeRelatedTopicView> relatedTopics(String communityId, String topic, PageRequest page, String viewer,
                                                  MinPosition min) {
        return rest.get().uri(uri -> build(uri.path("/communities/{communityId}/topics/{topic}/related"), page, viewer, min,
                Map.of("communityId", communityId, "topic", topic))).retrieve().body(RELATED);
    }

    Page<ExpertiseView> expertise(String memberId, int evidence, PageRequest page, String viewer, MinPosition min) {
        return rest.get().uri(uri -> build(uri.path("/members/{memberId}/expertise").queryParam("evidence", evidence), page,
                viewer, min, Map.of("memberId", memberId))).retrieve().body(EXPERTISE);
    }

    /** A short path between two members; empty when none joins them in what the viewer may see. */
    Optional<KnowledgeConnectionView> connection(String fromId, String toId, String viewer, MinPosition min) {
        try {
            return Optional.ofNullable(rest.get().uri(uri -> build(uri.path("/members/{from}/connection/{to}"), null, viewer,
                    min, Map.of("from", fromId, "to", toId))).retrieve().body(KnowledgeConnectionView.class));
        } catch (DownstreamException e) {
            if (e.isNotFound() && "NO_CONNECTION".equals(e.error().code())) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private static URI build(UriBuilder uri, PageRequest page, String viewer, MinPosition min, Map<String, ?> variables) {
        Map<String, Object> all = new HashMap<>(variables);
        if (page != null) {
            uri.queryParam("first", page.first());
            if (page.after() != null) {
                uri.queryParam("after", "{after}");
                all.put("after", page.after());
            }
        }
        if (viewer != null) {
            uri.queryParam("viewer", "{viewer}");
            all.put("viewer", viewer);
        }
        if (min.isSet()) {
            uri.queryParam("minPosition", min.value());
        }
        return uri.build(all);
    }
}
