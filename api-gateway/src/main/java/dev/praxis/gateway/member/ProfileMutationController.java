package dev.praxis.gateway.member;

import dev.praxis.api.member.EndorseSkill;
import dev.praxis.api.member.EraseMember;
import dev.praxis.api.member.FollowMember;
import dev.praxis.api.member.FollowQuestion;
import dev.praxis.api.member.FollowTag;
import dev.praxis.api.member.UnfollowMember;
import dev.praxis.api.member.UnfollowQuestion;
import dev.praxis.api.member.UnfollowTag;
import dev.praxis.api.member.UpdateProfile;
import dev.praxis.api.member.WithdrawSkillEndorsement;
import dev.praxis.api.query.MemberView;
import dev.praxis.api.shared.PraxisCommand;
import dev.praxis.gateway.client.MinPosition;
import dev.praxis.gateway.client.Viewer;
import dev.praxis.gateway.error.ClientErrorException;
import dev.praxis.gateway.client.MutationInput;
import dev.praxis.gateway.client.Mutations;
import dev.praxis.gateway.client.QueryServiceClient;
import dev.praxis.gateway.relay.GlobalId;
import dev.praxis.gateway.relay.NodeType;
import dev.praxis.gateway.security.Actor;
import dev.praxis.gateway.tag.TagName;
import graphql.GraphQLContext;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;

/**
 * Mutations on members: the viewer's profile and follows, and endorsements of other members' skills.
 * Each sends one command as the signed-in {@link Actor} and reads the changed objects back at its position.
 */
@Controller
class ProfileMutationController {

    private final Mutations mutations;
    private final QueryServiceClient queries;

    ProfileMutationController(Mutations mutations, QueryServiceClient queries) {
        this.mutations = mutations;
        this.queries = queries;
    }

    @MutationMapping
    UpdateProfilePayload updateProfile(@Argument UpdateProfileInput input, Actor actor, GraphQLContext context) {
        Viewer viewer = Viewer.of(context);
        MinPosition min = send(new UpdateProfile(actor.id(), input.displayName(), input.bio(), input.skills(), actor.id(), null),
                input, actor, context);
        return new UpdateProfilePayload(member(actor.id(), viewer, min), input.clientMutationId());
    }

    /** The viewer's right to erasure: their key is deleted, their personal texts read as erased from then on. */
    @MutationMapping
    EraseMemberPayload eraseMember(@Argument EraseMemberInput input, Actor actor, GraphQLContext context) {
        MinPosition min = send(new EraseMember(actor.id(), actor.id(), null), input, actor, context);
        return new EraseMemberPayload(member(actor.id(), Viewer.of(context), min), input.clientMutationId());
    }

    @MutationMapping
    FollowMemberPayload followMember(@Argument FollowMemberInput input, Actor actor, GraphQLContext context) {
        String followed = GlobalId.rawId(input.memberId(), NodeType.MEMBER);
        MinPosition min = send(new FollowMember(actor.id(), followed, actor.id(), null), input, actor, context);
        Viewer viewer = Viewer.of(context);
        return new FollowMemberPayload(member(actor.id(), viewer, min), member(followed, viewer, min), input.clientMutationId());
    }

    @MutationMapping
    FollowMemberPayload unfollowMember(@Argument FollowMemberInput input, Actor actor, GraphQLContext context) {
        String followed = GlobalId.rawId(input.memberId(), NodeType.MEMBER);
        MinPosition min = send(new UnfollowMember(actor.id(), followed, actor.id(), null), input, actor, context);
        Viewer viewer = Viewer.of(context);
        return new FollowMemberPayload(member(actor.id(), viewer, min), member(followed, viewer, min), input.clientMutationId());
    }

    @MutationMapping
    FollowTagPayload followTag(@Argument FollowTagInput input, Actor actor, GraphQLContext context) {
        String communityId = GlobalId.rawId(input.communityId(), NodeType.COMMUNITY);
        requireReadableTag(communityId, input.tag(), context);
        MinPosition min = send(new FollowTag(actor.id(), communityId, input.tag(), actor.id(), null), input, actor, context);
        Viewer viewer = Viewer.of(context);
        return new FollowTagPayload(member(actor.id(), viewer, min),
                queries.tag(communityId, TagName.normalise(input.tag()), viewer, min).orElse(null), input.clientMutationId());
    }

    @MutationMapping
    FollowTagPayload unfollowTag(@Argument FollowTagInput input, Actor actor, GraphQLContext context) {
        String communityId = GlobalId.rawId(input.communityId(), NodeType.COMMUNITY);
        MinPosition min = send(new UnfollowTag(actor.id(), communityId, input.tag(), actor.id(), null), input, actor, context);
        Viewer viewer = Viewer.of(context);
        return new FollowTagPayload(member(actor.id(), viewer, min),
                queries.tag(communityId, TagName.normalise(input.tag()), viewer, min).orElse(null), input.clientMutationId());
    }

    @MutationMapping
    FollowQuestionPayload followQuestion(@Argument FollowQuestionInput input, Actor actor, GraphQLContext context) {
        String questionId = GlobalId.rawId(input.questionId(), NodeType.QUESTION);
        requireReadableQuestion(questionId, context);
        MinPosition min = send(new FollowQuestion(actor.id(), questionId, actor.id(), null), input, actor, context);
        Viewer viewer = Viewer.of(context);
        return new FollowQuestionPayload(member(actor.id(), viewer, min), queries.question(questionId, viewer, min).orElse(null),
                input.clientMutationId());
    }

    @MutationMapping
    FollowQuestionPayload unfollowQuestion(@Argument FollowQuestionInput input, Actor actor, GraphQLContext context) {
        String questionId = GlobalId.rawId(input.questionId(), NodeType.QUESTION);
        MinPosition min = send(new UnfollowQuestion(actor.id(), questionId, actor.id(), null), input, actor, context);
        Viewer viewer = Viewer.of(context);
        return new FollowQuestionPayload(member(actor.id(), viewer, min), queries.question(questionId, viewer, min).orElse(null),
                input.clientMutationId());
    }

    @MutationMapping
    SkillEndorsementPayload endorseSkill(@Argument EndorseSkillInput input, Actor actor, GraphQLContext context) {
        String memberId = GlobalId.rawId(input.memberId(), NodeType.MEMBER);
        MinPosition min = send(new EndorseSkill(memberId, input.skill(), input.note(), actor.id(), null), input, actor, context);
        Viewer viewer = Viewer.of(context);
        return new SkillEndorsementPayload(member(memberId, viewer, min), input.clientMutationId());
    }

    @MutationMapping
    SkillEndorsementPayload withdrawSkillEndorsement(@Argument WithdrawSkillEndorsementInput input, Actor actor,
                                                     GraphQLContext context) {
        String memberId = GlobalId.rawId(input.memberId(), NodeType.MEMBER);
        MinPosition min = send(new WithdrawSkillEndorsement(memberId, input.skill(), actor.id(), null), input, actor, context);
        Viewer viewer = Viewer.of(context);
        return new SkillEndorsementPayload(member(memberId, viewer, min), input.clientMutationId());
    }

    /**
     * Following is reading: a member may follow only what they may read, so that nobody subscribes to
     * a private community's content, nor learns that it exists (NOT_FOUND, as for an unknown question).
     * Unfollowing needs no such check: a former member may still stop following.
     */
    private void requireReadableQuestion(String questionId, GraphQLContext context) {
        if (queries.question(questionId, Viewer.of(context), MinPosition.of(context)).isEmpty()) {
            throw ClientErrorException.notFound("UNKNOWN_QUESTION", "There is no question with this id.");
        }
    }

    private void requireReadableTag(String communityId, String tag, GraphQLContext context) {
        if (queries.tag(communityId, TagName.normalise(tag), Viewer.of(context), MinPosition.of(context)).isEmpty()) {
            throw ClientErrorException.notFound("UNKNOWN_TAG", "There is no tag '" + tag + "' in this community.");
        }
    }

    private MinPosition send(PraxisCommand command, MutationInput input, Actor actor, GraphQLContext context) {
        return mutations.send(command, input, actor, context);
    }

    /** The member at the position; one who never joined a community is not in the members read model yet. */
    private MemberView member(String memberId, Viewer viewer, MinPosition min) {
        return queries.member(memberId, viewer, min).orElseGet(() -> ProfileController.unknownMember(memberId));
    }
}
