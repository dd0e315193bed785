package dev.praxis.gateway.community;

import static dev.praxis.gateway.schema.Batches.associate;

import dev.praxis.api.community.CommunityRole;
import dev.praxis.api.community.MemberStatus;
import dev.praxis.api.query.CommunityMemberView;
import dev.praxis.api.query.CommunityView;
import dev.praxis.api.query.MemberView;
import dev.praxis.api.query.MembershipRequestView;
import dev.praxis.api.reputation.DefaultReputationRules;
import dev.praxis.gateway.client.MinPosition;
import dev.praxis.gateway.client.QueryServiceClient;
import dev.praxis.gateway.error.ClientErrorException;
import dev.praxis.gateway.relay.Connection;
import dev.praxis.gateway.relay.GlobalId;
import dev.praxis.gateway.relay.NodeType;
import dev.praxis.gateway.relay.PageRequest;
import dev.praxis.gateway.security.Actor;
import graphql.GraphQLContext;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.stereotype.Controller;

/** Reads of membership: a community's members, its pending requests to join, and their members. */
@Controller
class MembershipController {

    private final QueryServiceClient queries;

    MembershipController(QueryServiceClient queries) {
        this.queries = queries;
    }

    @SchemaMapping(typeName = "Community", field = "members")
    Connection<CommunityMemberView> members(CommunityView community, @Argument Integer first, @Argument String after,
            GraphQLContext context) {
        PageRequest page = PageRequest.of(first, after);
        return Connection.of(
                queries.communityMembers(community.id(), page.first(), page.after(), MinPosition.of(context)), page);
    }

    /** Moderators and owners only: a request names who wants in and why. */
    @QueryMapping
    Connection<MembershipRequestView> membershipRequests(@Argument String communityId, @Argument Integer first,
            @Argument String after, Actor actor, GraphQLContext context) {
        String rawId = GlobalId.rawId(communityId, NodeType.COMMUNITY);
        MinPosition min = MinPosition.of(context);
        CommunityMemberView viewer = queries.communityMember(rawId, actor.id(), min).orElse(null);
        boolean moderates = viewer != null && viewer.status() != MemberStatus.BANNED
                && (viewer.role() == CommunityRole.OWNER || viewer.role() == CommunityRole.MODERATOR);
        if (!moderates) {
            throw new ClientErrorException(ErrorType.FORBIDDEN, "NOT_A_MODERATOR",
                    "Only the community's moderators and owners can see its requests to join.");
        }
        PageRequest page = PageRequest.of(first, after);
        return Connection.of(queries.membershipRequests(rawId, page.first(), page.after(), min), page);
    }

    @BatchMapping(typeName = "CommunityMember", field = "member")
    Callable<Map<CommunityMemberView, MemberView>> member(List<CommunityMemberView> members, GraphQLContext context) {
        MinPosition min = MinPosition.of(context);
        return () -> {
            Map<String, MemberView> found = queries.membersById(
                    members.stream().map(CommunityMemberView::memberId).toList(), min);
            return associate(members, m -> found.getOrDefault(m.memberId(), placeholder(m.memberId(), m.displayName())));
        };
    }

    @BatchMapping(typeName = "MembershipRequest", field = "member")
    Callable<Map<MembershipRequestView, MemberView>> requester(List<MembershipRequestView> requests,
            GraphQLContext context) {
        MinPosition min = MinPosition.of(context);
        return () -> {
            Map<String, MemberView> found = queries.membersById(
                    requests.stream().map(MembershipRequestView::memberId).toList(), min);
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
