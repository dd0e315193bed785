package dev.praxis.gateway.replay;

import dev.praxis.api.query.Page;
import dev.praxis.api.query.ReplayView;
import dev.praxis.api.query.ReputationComparisonView;
import dev.praxis.api.reputation.ReputationPreset;
import dev.praxis.gateway.client.MinPosition;
import dev.praxis.gateway.client.QueryServiceClient;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/** The gateway's calls of the query service's replay and reputation-comparison endpoints. */
@Component
class ReplayClient {

    private static final ParameterizedTypeReference<Page<ReputationComparisonView>> COMPARISON =
            new ParameterizedTypeReference<>() {
            };
    private static final ParameterizedTypeReference<List<ReplayView>> REPLAYS = new ParameterizedTypeReference<>() {
    };

    private final RestClient rest;

    ReplayClient(QueryServiceClient queries) {
        this.rest = queries.rest();
    }

    ReplayView start(List<String> projections) {
        return rest.post().uri("/replays").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("projections", projections == null ? List.of() : projections))
                .retrieve().body(ReplayView.class);
    }

    ReplayView replay(String id) {
        return rest.get().uri("/replays/{id}", id).retrieve().body(ReplayView.class);
    }

    List<ReplayView> latest() {
        return rest.get().uri("/replays").retrieve().body(REPLAYS);
    }

    Page<ReputationComparisonView> comparison(String communityId, ReputationPreset preset, List<String> rules, int first,
                                              String after, String viewer, boolean auditor, MinPosition min) {
        return rest.get().uri(uri -> {
            Map<String, Object> variables = new HashMap<>();
            variables.put("community", communityId);
            uri.path("/communities/{community}/reputation-comparison").queryParam("first", first);
            if (preset != null) {
                uri.queryParam("preset", preset.name());
            }
            for (int i = 0; i < rules.size(); i++) {
                uri.queryParam("rule", "{rule" + i + "}");
                variables.put("rule" + i, rules.get(i));
            }
            if (after != null) {
                uri.queryParam("after", "{after}");
                variables.put("after", after);
            }
            if (viewer != null) {
                uri.queryParam("viewer", "{viewer}");
                variables.put("viewer", viewer);
            }
            if (auditor) {
                uri.queryParam("viewerRole", "auditor");
            }
            if (min.isSet()) {
                uri.queryParam("minPosition", min.value());
            }
            return uri.build(variables);
        }).retrieve().body(COMPARISON);
    }
}
