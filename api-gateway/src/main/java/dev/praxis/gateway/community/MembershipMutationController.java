package dev.praxis.gateway.community;

import dev.praxis.api.community.ApproveMembershipRequest;
import dev.praxis.api.community.BanMember;
import dev.praxis.api.community.ChangeCommunitySettings;
import dev.praxis.api.community.ChangeMemberRole;
import dev.praxis.api.community.InviteMember;
import dev.praxis.api.community.LeaveCommunity;
import dev.praxis.api.community.LiftSuspension;
import dev.praxis.api.community.RejectMembershipRequest;
import dev.praxis.api.community.RequestMembership;
import dev.praxis.api.community.SuspendMember;
import dev.praxis.api.community.UnbanMember;
import dev.praxis.api.privilege.Privilege;
import dev.praxis.api.shared.PraxisCommand;
import dev.praxis.gateway.client.MinPosition;
import dev.praxis.gateway.client.Viewer;
import dev.praxis.gateway.client.MutationInput;
import dev.praxis.gateway.client.Mutations;
import dev.praxis.gateway.client.QueryServiceClient;
import dev.praxis.gateway.community.MembershipInputs.ApproveMembershipRequestInput;
import dev.praxis.gateway.community.MembershipInputs.BanMemberInput;
import dev.praxis.gateway.community.MembershipInputs.ChangeCommunitySettingsInput;
import dev.praxis.gateway.community.MembershipInputs.ChangeMemberRoleInput;
import dev.praxis.gateway.community.MembershipInputs.InviteMemberInput;
import dev.praxis.gateway.community.MembershipInputs.LeaveCommunityInput;
import dev.praxis.gateway.community.MembershipInputs.LiftSuspensionInput;
import dev.praxis.gateway.community.MembershipInputs.PrivilegeThresholdInput;
import dev.praxis.gateway.community.MembershipInputs.RejectMembershipRequestInput;
import dev.praxis.gateway.community.MembershipInputs.RequestMembershipInput;
import dev.praxis.gateway.community.MembershipInputs.SuspendMemberInput;
import dev.praxis.gateway.community.MembershipInputs.UnbanMemberInput;
import dev.praxis.gateway.community.MembershipPayloads.CommunityAndViewerPayload;
import dev.praxis.gateway.community.MembershipPayloads.CommunityMemberPayload;
import dev.praxis.gateway.community.MembershipPayloads.CommunityPayload;
import dev.praxis.gateway.error.ClientErrorException;
import dev.praxis.gateway.relay.GlobalId;
import dev.praxis.gateway.relay.NodeType;
import dev.praxis.gateway.security.Actor;
import graphql.GraphQLContext;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Function;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;

/**
 * The settings and membership mutations. Each sends one command as the signed-in {@link Actor} and
 * reads the changed objects back at the command's position.
 */
@Controller
class MembershipMutationController {

    private final Mutations mutations;
    private final QueryServiceClient queries;

    MembershipMutationController(Mutations mutations, QueryServiceClient queries) {
        this.mutations = mutations;
        this.queries = queries;
    }

    @MutationMapping
    CommunityPayload changeCommunitySettings(@Argument ChangeCommunitySettingsInput input, Actor actor,
            GraphQLContext context) {
        Viewer viewer = Viewer.of(context);
        String communityId = community(input.communityId());
        Map<Privilege, Integer> thresholds = null;
        if (input.thresholds() != null) {
            thresholds = new EnumMap<>(Privilege.class);
            for (PrivilegeThresholdInput threshold : input.thresholds()) {
                if (thresholds.put(threshold.privilege(), threshold.threshold()) != null) {
                    throw ClientErrorException.badRequest("DUPLICATE_PRIVILEGE",
                            "Each privilege may be named once in thresholds; " + threshold.privilege() + " is named twice.");
                }
            }
        }
        MinPosition min = send(new ChangeCommunitySettings(communityId, input.visibility(), input.privilegePreset(),
                thresholds, input.description(), actor.id(), null), input, actor, context);
        return new CommunityPayload(queries.community(communityId, viewer, min).orElse(null), input.clientMutationId());
    }

    @MutationMapping
    CommunityAndViewerPayload leaveCommunity(@Argument LeaveCommunityInput input, Actor actor, GraphQLContext context) {
        String communityId = community(input.communityId());
        MinPosition min = send(new LeaveCommunity(communityId, actor.id(), null), input, actor, context);
        Viewer viewer = Viewer.of(context);
        return new CommunityAndViewerPayload(queries.community(communityId, viewer, min).orElse(null),
                queries.member(actor.id(), viewer, min).orElse(null), input.clientMutationId());
    }

    @MutationMapping
    CommunityPayload inviteMember(@Argument InviteMemberInput input, Actor actor, GraphQLContext context) {
        return communityOnly(input.communityId(), input, actor, context,
                id -> new InviteMember(id, member(input.memberId()), actor.id(), null));
    }

    @MutationMapping
    CommunityPayload requestMembership(@Argument RequestMembershipInput input, Actor actor, GraphQLContext context) {
        return communityOnly(input.communityId(), input, actor, context,
                id -> new RequestMembership(id, input.message(), actor.displayName(), actor.id(), null));
    }

    @MutationMapping
    CommunityMemberPayload approveMembershipRequest(@Argument ApproveMembershipRequestInput input, Actor actor,
            GraphQLContext context) {
        return withMember(input.communityId(), input.memberId(), input, actor, context,
                (id, memberId) -> new ApproveMembershipRequest(id, memberId, actor.id(), null));
    }

    @MutationMapping
    CommunityPayload rejectMembershipRequest(@Argument RejectMembershipRequestInput input, Actor actor,
            GraphQLContext context) {
        return communityOnly(input.communityId(), input, actor, context,
                id -> new RejectMembershipRequest(id, member(input.memberId()), input.reason(), actor.id(), null));
    }

    @MutationMapping
    CommunityMemberPayload changeMemberRole(@Argument ChangeMemberRoleInput input, Actor actor, GraphQLContext context) {
        return withMember(input.communityId(), input.memberId(), input, actor, context,
                (id, memberId) -> new ChangeMemberRole(id, memberId, input.role(), actor.id(), null));
    }

    @MutationMapping
    CommunityMemberPayload suspendMember(@Argument SuspendMemberInput input, Actor actor, GraphQLContext context) {
        return withMember(input.communityId(), input.memberId(), input, actor, context,
                (id, memberId) -> new SuspendMember(id, memberId, input.reason(), input.until(), actor.id(), null));
    }

    @MutationMapping
    CommunityMemberPayload liftSuspension(@Argument LiftSuspensionInput input, Actor actor, GraphQLContext context) {
        return withMember(input.communityId(), input.memberId(), input, actor, context,
                (id, memberId) -> new LiftSuspension(id, memberId, actor.id(), null));
    }

    @MutationMapping
    CommunityMemberPayload banMember(@Argument BanMemberInput input, Actor actor, GraphQLContext context) {
        return withMember(input.communityId(), input.memberId(), input, actor, context,
                (id, memberId) -> new BanMember(id, memberId, input.reason(), input.until(), actor.id(), null));
    }

    @MutationMapping
    CommunityPayload unbanMember(@Argument UnbanMemberInput input, Actor actor, GraphQLContext context) {
        return communityOnly(input.communityId(), input, actor, context,
                id -> new UnbanMember(id, member(input.memberId()), actor.id(), null));
    }

    private CommunityPayload communityOnly(String communityGlobalId, MutationInput input, Actor actor,
            GraphQLContext context, Function<String, PraxisCommand> command) {
        String communityId = community(communityGlobalId);
        MinPosition min = send(command.apply(communityId), input, actor, context);
        Viewer viewer = Viewer.of(context);
        return new CommunityPayload(queries.community(communityId, viewer, min).orElse(null), input.clientMutationId());
    }

    private CommunityMemberPayload withMember(String communityGlobalId, String memberGlobalId, MutationInput input,
            Actor actor, GraphQLContext context, java.util.function.BiFunction<String, String, PraxisCommand> command) {
        String communityId = community(communityGlobalId);
        String memberId = member(memberGlobalId);
        MinPosition min = send(command.apply(communityId, memberId), input, actor, context);
        Viewer viewer = Viewer.of(context);
        return new CommunityMemberPayload(queries.community(communityId, viewer, min).orElse(null),
                queries.communityMember(communityId, memberId, viewer, min).orElse(null), input.clientMutationId());
    }

    private MinPosition send(PraxisCommand command, MutationInput input, Actor actor, GraphQLContext context) {
        return mutations.send(command, input, actor, context);
    }

    private static String community(String globalId) {
        return GlobalId.rawId(globalId, NodeType.COMMUNITY);
    }

    private static String member(String globalId) {
        return GlobalId.rawId(globalId, NodeType.MEMBER);
    }
}
