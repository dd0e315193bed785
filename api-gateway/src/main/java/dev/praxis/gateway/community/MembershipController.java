package dev.praxis.gateway.community;

import static dev.praxis.gateway.schema.Batches.associate;

import dev.praxis.api.query.CommunityMemberView;
import dev.praxis.api.query.CommunityView;
import dev.praxis.api.query.MemberView;
import dev.praxis.api.query.MembershipRequestView;
import dev.praxis.api.reputation.DefaultReputationRules;
import dev.praxis.gateway.client.MinPosition;
import dev.praxis.gateway.client.Viewer;
import dev.praxis.gateway.client.QueryServiceClient;
import dev.praxis.gateway.relay.Connection;
import dev.praxis.gateway.relay.GlobalId;
import dev.praxis.gateway.relay.NodeType;
import dev.praxis.gateway.relay.PageRequest;
import dev.praxis.gateway.security.Actor;
import dev.praxis.gateway.pointintime.PointInTimeClient;
import graphql.GraphQLContext;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** Reads of membership: a community's members, its pending requests to join, and their members. */
@Controller
class MembershipController {

    private final QueryServiceClient queries;
    private final PointInTimeClient pointInTime;

    MembershipController(QueryServiceClient queries, PointInTimeClient pointInTime) {
        this.queries = queries;
        this.pointInTime = pointInTime;
    }

    /** With {@code asOf}, the members listed at that moment (dev.praxis.gateway.pointintime). */
    @SchemaMapping(typeName = "Community", field = "members")
    Connection<CommunityMemberView> members(CommunityView community, @Argument Integer first, @Argument String after,
            @Argument Instant asOf, GraphQLContext context) {
        PageRequest page = PageRequest.of(first, after);
        if (asOf != null) {
            return Connection.of(pointInTime.members(community.id(), asOf, List.of(), page.first(), page.after(), context), page);
        }
        return Connection.of(
                queries.communityMembers(community.id(), page.first(), page.after(), Viewer.of(context), MinPosition.of(context)), page);
    }

    /**
     * Moderators and owners only: a request names who wants in and why. An anonymous caller is
     * UNAUTHORIZED here; the query service refuses anyone else who does not moderate the community
     * (FORBIDDEN / NOT_A_MODERATOR, or NOT_FOUND for a private community they may not read).
     */
    @QueryMapping
    Connection<MembershipRequestView> membershipRequests(@Argument String communityId, @Argument Integer first,
            @Argument String after, Actor actor, GraphQLContext context) {
        String rawId = GlobalId.rawId(communityId, NodeType.COMMUNITY);
        PageRequest page = PageRequest.of(first, after);
        return Connection.of(queries.membershipRequests(rawId, page.first(), page.after(), Viewer.of(actor),
                MinPosition.of(context)), page);
    }

    @BatchMapping(typeName = "CommunityMember", field = "member")
    Callable<Map<CommunityMemberView, MemberView>> member(List<CommunityMemberView> members, GraphQLContext context) {
        MinPosition min = MinPosition.of(context);
        Viewer viewer = Viewer.of(context);
        return () -> {
            Map<String, MemberView> found = queries.membersById(
                    members.stream().map(CommunityMemberView::memberId).toList(), viewer, min);
            return associate(members, m -> found.getOrDefault(m.memberId(), placeholder(m.memberId(), m.displayName())));
        };
    }

    @BatchMapping(typeName = "MembershipRequest", field = "member")
    Callable<Map<MembershipRequestView, MemberView>> requester(List<MembershipRequestView> requests,
            GraphQLContext context) {
        MinPosition min = MinPosition.of(context);
        Viewer viewer = Viewer.of(context);
        return () -> {
            Map<String, MemberView> found = queries.membersById(
                    requests.stream().map(MembershipRequestView::memberId).toList(), viewer, min);
            return associate(requests, r -> found.getOrDefault(r.memberId(), placeholder(r.memberId(), r.displayName())));
        };
    }

    /**
     * Someone who never joined a community (a requester, a person banned beforehand) has no member
     * record yet: they show with the name they gave and no memberships.
     */
    private static MemberView placeholder(String memberId, String displayName) {
        return new MemberView(memberId, displayName == null ? memberId : displayName,
                DefaultReputationRules.BASE_REPUTATION, List.of());
    }
}
