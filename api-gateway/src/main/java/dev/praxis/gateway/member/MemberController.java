package dev.praxis.gateway.member;

import static dev.praxis.gateway.schema.Batches.associate;
import static dev.praxis.gateway.schema.Batches.orEmpty;

import dev.praxis.api.query.CommunityView;
import dev.praxis.api.query.MemberView;
import dev.praxis.api.query.MembershipView;
import dev.praxis.gateway.client.MinPosition;
import dev.praxis.gateway.client.Viewer;
import dev.praxis.gateway.client.QueryServiceClient;
import dev.praxis.gateway.relay.GlobalId;
import dev.praxis.gateway.relay.NodeType;
import dev.praxis.gateway.security.Actor;
import graphql.GraphQLContext;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** Reads of members: {@code viewer}, {@code member} and the fields of {@code Member} and {@code Membership}. */
@Controller
class MemberController {

    /** The reputation of a member who has earned none yet, as in a community they have not joined. */
    static final int STARTING_REPUTATION = 1;

    private final QueryServiceClient queries;

    MemberController(QueryServiceClient queries) {
        this.queries = queries;
    }

    /**
     * The signed-in member. Someone with a valid token who has not joined any community yet is not
     * in the read model; they are still the viewer, with their token's name and no memberships.
     */
    @QueryMapping
    MemberView viewer(Optional<Actor> actor, GraphQLContext context) {
        return actor.map(viewer -> queries.member(viewer.id(), Viewer.of(context), MinPosition.of(context))
                        .orElseGet(() -> new MemberView(viewer.id(), viewer.displayName(), STARTING_REPUTATION, List.of())))
                .orElse(null);
    }

    @QueryMapping
    MemberView member(@Argument String id, GraphQLContext context) {
        return queries.member(GlobalId.rawId(id, NodeType.MEMBER), Viewer.of(context), MinPosition.of(context)).orElse(null);
    }

    @SchemaMapping(typeName = "Member", field = "reputation")
    int reputation(MemberView member, @Argument String communityId) {
        if (communityId == null) {
            return member.reputation();
        }
        String community = GlobalId.rawId(communityId, NodeType.COMMUNITY);
        return orEmpty(member.memberships()).stream()
                .filter(membership -> membership.communityId().equals(community))
                .mapToInt(MembershipView::reputation)
                .findFirst()
                .orElse(STARTING_REPUTATION);
    }

    @SchemaMapping(typeName = "Member", field = "memberships")
    List<MembershipView> memberships(MemberView member) {
        return orEmpty(member.memberships());
    }

    @BatchMapping(typeName = "Membership", field = "community")
    Callable<Map<MembershipView, CommunityView>> community(List<MembershipView> memberships, GraphQLContext context) {
        MinPosition min = MinPosition.of(context);
        Viewer viewer = Viewer.of(context);
        return () -> {
            Map<String, CommunityView> communities = queries.communitiesById(
                    memberships.stream().map(MembershipView::communityId).toList(), viewer, min);
            return associate(memberships, membership -> communities.get(membership.communityId()));
        };
    }
}
