package dev.praxis.gateway.reputation;

import dev.praxis.api.query.CommunityPrivilegesView;
import dev.praxis.api.query.IdBatch;
import dev.praxis.api.query.LeaderboardEntryView;
import dev.praxis.api.query.Page;
import dev.praxis.api.query.ReputationChangeView;
import dev.praxis.api.query.ReputationRulesView;
import dev.praxis.api.query.ReputationView;
import dev.praxis.gateway.client.MinPosition;
import dev.praxis.gateway.client.QueryServiceClient;
import java.net.URI;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.util.UriBuilder;

/** The gateway's reads of the query service's reputation endpoints; every read names the viewer (null: anonymous). */
@Component
class ReputationClient {

    private static final int MAX_BATCH_SIZE = 500;
    private static final ParameterizedTypeReference<List<ReputationView>> REPUTATIONS = new ParameterizedTypeReference<>() {
    };
    private static final ParameterizedTypeReference<Page<ReputationChangeView>> CHANGES = new ParameterizedTypeReference<>() {
    };
    private static final ParameterizedTypeReference<Page<LeaderboardEntryView>> ENTRIES = new ParameterizedTypeReference<>() {
    };
    private static final ParameterizedTypeReference<List<ReputationRulesView>> RULES = new ParameterizedTypeReference<>() {
    };

    private final RestClient rest;

    ReputationClient(QueryServiceClient queries) {
        this.rest = queries.rest();
    }

    /** Members' reputation by member id, as the viewer may see it. */
    Map<String, ReputationView> reputations(Collection<String> memberIds, String viewer, MinPosition min) {
        List<String> distinct = memberIds.stream().filter(Objects::nonNull).distinct().toList();
        Map<String, ReputationView> found = new HashMap<>();
        for (int from = 0; from < distinct.size(); from += MAX_BATCH_SIZE) {
            List<String> chunk = distinct.subList(from, Math.min(from + MAX_BATCH_SIZE, distinct.size()));
            List<ReputationView> views = rest.post()
                    .uri(uri -> build(uri.path("/reputation/batch"), min, viewer, Map.of()))
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(new IdBatch(chunk))
                    .retrieve()
                    .body(REPUTATIONS);
            if (views != null) {
                views.forEach(view -> found.put(view.memberId(), view));
            }
        }
        return found;
    }

    Page<ReputationChangeView> history(String memberId, String communityId, int first, String after, String viewer,
                                       MinPosition min) {
        return rest.get().uri(uri -> {
            Map<String, Object> variables = new HashMap<>();
            variables.put("member", memberId);
            uri.path("/members/{member}/reputation-history").queryParam("first", first);
            if (communityId != null) {
                uri.queryParam("communityId", "{community}");
                variables.put("community", communityId);
            }
            after(uri, after, variables);
            return build(uri, min, viewer, variables);
        }).retrieve().body(CHANGES);
    }

    Page<LeaderboardEntryView> leaderboard(String communityId, String period, String tag, Instant at, int first, String after,
                                           String viewer, MinPosition min) {
        return rest.get().uri(uri -> {
            Map<String, Object> variables = new HashMap<>();
            variables.put("community", communityId);
            uri.path("/communities/{community}/leaderboard").queryParam("first", first).queryParam("period", period);
            if (tag != null) {
                uri.queryParam("tag", "{tag}");
                variables.put("tag", tag);
            }
            if (at != null) {
                uri.queryParam("at", at.toString());
            }
            after(uri, after, variables);
            return build(uri, min, viewer, variables);
        }).retrieve().body(ENTRIES);
    }

    CommunityPrivilegesView privileges(String communityId, String memberId, String viewer, MinPosition min) {
        return rest.get().uri(uri -> build(uri.path("/communities/{community}/privileges").queryParam("member", "{member}"),
                min, viewer, Map.of("community", communityId, "member", memberId))).retrieve().body(CommunityPrivilegesView.class);
    }

    List<ReputationRulesView> rules(String communityId, String viewer, MinPosition min) {
        return rest.get().uri(uri -> build(uri.path("/communities/{community}/reputation-rules"), min, viewer,
                Map.of("community", communityId))).retrieve().body(RULES);
    }

    private static void after(UriBuilder uri, String after, Map<String, Object> variables) {
        if (after != null) {
            // as a URI variable, the opaque cursor is encoded strictly
            uri.queryParam("after", "{after}");
            variables.put("after", after);
        }
    }

    private static URI build(UriBuilder uri, MinPosition min, String viewer, Map<String, ?> variables) {
        Map<String, Object> all = new HashMap<>(variables);
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
