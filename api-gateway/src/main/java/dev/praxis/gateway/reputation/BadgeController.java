package dev.praxis.gateway.reputation;

import static dev.praxis.gateway.schema.Batches.associate;

import dev.praxis.api.query.BadgeView;
import dev.praxis.api.query.CommunityView;
import dev.praxis.api.query.IdBatch;
import dev.praxis.api.query.MemberView;
import dev.praxis.gateway.client.MinPosition;
import dev.praxis.gateway.client.Viewer;
import dev.praxis.gateway.client.QueryServiceClient;
import graphql.GraphQLContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;

/** {@code Member.badges} and {@code Badge.community}, batched: one query-service call per level. */
@Controller
class BadgeController {

    private static final ParameterizedTypeReference<List<BadgeView>> BADGES = new ParameterizedTypeReference<>() {
    };

    private final QueryServiceClient queries;

    BadgeController(QueryServiceClient queries) {
        this.queries = queries;
    }

    @BatchMapping(typeName = "Member", field = "badges")
    Callable<Map<MemberView, List<BadgeView>>> badges(List<MemberView> members, GraphQLContext context) {
        MinPosition min = MinPosition.of(context);
        String viewer = Viewer.of(context).id();
        return () -> {
            List<String> ids = members.stream().map(MemberView::id).distinct().toList();
            List<BadgeView> badges = ids.isEmpty() ? List.of() : queries.rest().post()
                    .uri(uri -> {
                        Map<String, Object> variables = new HashMap<>();
                        if (viewer != null) {
                            uri.queryParam("viewer", "{viewer}");
                            variables.put("viewer", viewer);
                        }
                        if (min.isSet()) {
                            uri.queryParam("minPosition", min.value());
                        }
                        return uri.path("/badges/batch").build(variables);
                    })
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(new IdBatch(ids))
                    .retrieve()
                    .body(BADGES);
            Map<String, List<BadgeView>> byMember = new HashMap<>();
            if (badges != null) {
                badges.forEach(badge -> byMember.computeIfAbsent(badge.memberId(), m -> new ArrayList<>()).add(badge));
            }
            Map<MemberView, List<BadgeView>> result = new HashMap<>();
            members.forEach(member -> result.put(member, byMember.getOrDefault(member.id(), List.of())));
            return result;
        };
    }

    @BatchMapping(typeName = "Badge", field = "community")
    Callable<Map<BadgeView, CommunityView>> community(List<BadgeView> badges, GraphQLContext context) {
        MinPosition min = MinPosition.of(context);
        Viewer viewer = Viewer.of(context);
        return () -> {
            Map<String, CommunityView> communities = queries.communitiesById(badges.stream().map(BadgeView::communityId).toList(), viewer, min);
            return associate(badges, badge -> communities.get(badge.communityId()));
        };
    }
}
