package dev.praxis.command.member;

import static dev.praxis.command.shared.CommandRejectedException.conflict;
import static dev.praxis.command.shared.CommandRejectedException.forbidden;
import static dev.praxis.command.shared.CommandRejectedException.invalid;
import static dev.praxis.command.shared.CommandRejectedException.notFound;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import dev.praxis.api.member.EndorseSkill;
import dev.praxis.api.member.EraseMember;
import dev.praxis.api.member.MemberErased;
import dev.praxis.api.member.FollowMember;
import dev.praxis.api.member.FollowQuestion;
import dev.praxis.api.member.FollowTag;
import dev.praxis.api.member.MemberFollowed;
import dev.praxis.api.member.MemberUnfollowed;
import dev.praxis.api.member.ProfileLimits;
import dev.praxis.api.member.ProfileUpdated;
import dev.praxis.api.member.QuestionFollowed;
import dev.praxis.api.member.QuestionUnfollowed;
import dev.praxis.api.member.SkillEndorsed;
import dev.praxis.api.member.SkillEndorsementWithdrawn;
import dev.praxis.api.member.TagFollowed;
import dev.praxis.api.member.TagUnfollowed;
import dev.praxis.api.member.UnfollowMember;
import dev.praxis.api.member.UnfollowQuestion;
import dev.praxis.api.member.UnfollowTag;
import dev.praxis.api.member.UpdateProfile;
import dev.praxis.api.member.WithdrawSkillEndorsement;
import dev.praxis.command.community.CommunityDirectory;
import dev.praxis.command.shared.InputRules;
import dev.praxis.command.tag.TagDirectory;
import dev.praxis.command.tag.TagNames;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A member's profile, what they follow and the endorsements of their declared skills. The id is
 * the member's id (the JWT subject). Members exist before they have an aggregate (they join
 * communities), so every command creates the aggregate when it is missing; follows live in the
 * follower's aggregate, endorsements in the endorsed member's.
 */
@Aggregate(snapshotTriggerDefinition = "snapshotTrigger")
public class Member {

    @AggregateIdentifier
    private String memberId;
    private Set<String> skills = new HashSet<>();
    private Set<String> followedMembers = new HashSet<>();
    /** community id to the tags followed there */
    private Map<String, Set<String>> followedTags = new HashMap<>();
    private Set<String> followedQuestions = new HashSet<>();
    /** skill to the members who endorsed it */
    private Map<String, Set<String>> endorsers = new HashMap<>();
    private boolean erased;

    public Member() {
        // for Axon, and for commands that create the aggregate when it is missing
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(UpdateProfile command) {
        InputRules.requireId(command.memberId(), "memberId");
        requireSelf(command.memberId(), command.actorId());
        String displayName = InputRules.requireText(command.displayName(), "displayName",
                ProfileLimits.DISPLAY_NAME_MIN, ProfileLimits.DISPLAY_NAME_MAX);
        String bio = InputRules.optionalText(command.bio(), "bio", ProfileLimits.BIO_MAX);
        Set<String> declared = new LinkedHashSet<>();
        for (String skill : command.skills() == null ? List.<String>of() : command.skills()) {
            declared.add(TagNames.skill(skill));
        }
        if (declared.size() > ProfileLimits.SKILLS_MAX) {
            throw invalid("TOO_MANY_SKILLS", "A profile declares at most " + ProfileLimits.SKILLS_MAX + " skills.");
        }
        apply(new ProfileUpdated(command.memberId(), displayName, bio, new ArrayList<>(declared),
                command.actorId(), command.occurredAt()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(FollowMember command, MemberDirectory members) {
        requireSelfId(command.memberId(), command.actorId());
        InputRules.requireId(command.followedMemberId(), "followedMemberId");
        if (command.followedMemberId().equals(command.memberId())) {
            throw invalid("CANNOT_FOLLOW_SELF", "You cannot follow yourself.");
        }
        if (!members.exists(command.followedMemberId())) {
            throw notFound("UNKNOWN_MEMBER", "There is no member with id " + command.followedMemberId() + ".");
        }
        if (followedMembers.contains(command.followedMemberId())) {
            throw conflict("ALREADY_FOLLOWING", "You follow this member already.");
        }
        apply(new MemberFollowed(command.memberId(), command.followedMemberId(), command.actorId(), command.occurredAt()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(UnfollowMember command) {
        requireSelfId(command.memberId(), command.actorId());
        InputRules.requireId(command.followedMemberId(), "followedMemberId");
        if (!followedMembers.contains(command.followedMemberId())) {
            throw conflict("NOT_FOLLOWING", "You do not follow this member.");
        }
        apply(new MemberUnfollowed(command.memberId(), command.followedMemberId(), command.actorId(), command.occurredAt()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(FollowTag command, CommunityDirectory communities, TagDirectory tags) {
        requireSelfId(command.memberId(), command.actorId());
        InputRules.requireId(command.communityId(), "communityId");
        String tag = TagNames.tag(command.tag());
        if (!communities.exists(command.communityId())) {
            throw notFound("UNKNOWN_COMMUNITY", "There is no community with id " + command.communityId() + ".");
        }
        String followed = tags.masterOf(command.communityId(), tag).orElse(tag);
        if (!tags.exists(command.communityId(), followed)) {
            throw notFound("UNKNOWN_TAG", "There is no tag '" + tag + "' in this community.");
        }
        if (followedTags.getOrDefault(command.communityId(), Set.of()).contains(followed)) {
            throw conflict("ALREADY_FOLLOWING", "You follow this tag already.");
        }
        apply(new TagFollowed(command.memberId(), command.communityId(), followed, command.actorId(), command.occurredAt()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(UnfollowTag command) {
        requireSelfId(command.memberId(), command.actorId());
        InputRules.requireId(command.communityId(), "communityId");
        String tag = TagNames.tag(command.tag());
        if (!followedTags.getOrDefault(command.communityId(), Set.of()).contains(tag)) {
            throw conflict("NOT_FOLLOWING", "You do not follow this tag.");
        }
        apply(new TagUnfollowed(command.memberId(), command.communityId(), tag, command.actorId(), command.occurredAt()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(FollowQuestion command, QuestionLookup questions) {
        requireSelfId(command.memberId(), command.actorId());
        InputRules.requireId(command.questionId(), "questionId");
        if (!questions.questionExists(command.questionId())) {
            throw notFound("UNKNOWN_QUESTION", "There is no question with id " + command.questionId() + ".");
        }
        if (followedQuestions.contains(command.questionId())) {
            throw conflict("ALREADY_FOLLOWING", "You follow this question already.");
        }
        apply(new QuestionFollowed(command.memberId(), command.questionId(), command.actorId(), command.occurredAt()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(UnfollowQuestion command) {
        requireSelfId(command.memberId(), command.actorId());
        InputRules.requireId(command.questionId(), "questionId");
        if (!followedQuestions.contains(command.questionId())) {
            throw conflict("NOT_FOLLOWING", "You do not follow this question.");
        }
        apply(new QuestionUnfollowed(command.memberId(), command.questionId(), command.actorId(), command.occurredAt()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(EndorseSkill command, MemberDirectory members) {
        InputRules.requireId(command.memberId(), "memberId");
        String skill = TagNames.skill(command.skill());
        String note = InputRules.optionalText(command.note(), "note", ProfileLimits.ENDORSEMENT_NOTE_MAX);
        if (command.memberId().equals(command.actorId())) {
            throw forbidden("OWN_SKILL", "You cannot endorse your own skills.");
        }
        if (memberId == null && !members.exists(command.memberId())) {
            throw notFound("UNKNOWN_MEMBER", "There is no member with id " + command.memberId() + ".");
        }
        if (erased) {
            throw notFound("MEMBER_ERASED", "This member's personal data was erased; their skills can no longer be endorsed.");
        }
        if (!skills.contains(skill)) {
            throw invalid("SKILL_NOT_DECLARED", "The member has not declared the skill '" + skill + "'.");
        }
        if (endorsers.getOrDefault(skill, Set.of()).contains(command.actorId())) {
            throw conflict("ALREADY_ENDORSED", "You have already endorsed this skill.");
        }
        apply(new SkillEndorsed(command.memberId(), skill, note, command.actorId(), command.occurredAt()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(WithdrawSkillEndorsement command) {
        InputRules.requireId(command.memberId(), "memberId");
        String skill = TagNames.skill(command.skill());
        if (!endorsers.getOrDefault(skill, Set.of()).contains(command.actorId())) {
            throw notFound("NO_ENDORSEMENT", "You have not endorsed this skill.");
        }
        apply(new SkillEndorsementWithdrawn(command.memberId(), skill, command.actorId(), command.occurredAt()));
    }

    /**
     * The member's right to erasure. The key deletion happens in the same transaction
     * ({@code dev.praxis.command.privacy.MemberErasure}); from then on the member sends nothing more.
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(EraseMember command) {
        requireSelfId(command.memberId(), command.actorId());
        if (erased) {
            throw conflict("MEMBER_ERASED", "This member's personal data is erased already.");
        }
        apply(new MemberErased(command.memberId(), command.actorId(), command.occurredAt()));
    }

    @EventSourcingHandler
    void on(MemberErased event) {
        memberId = event.memberId();
        erased = true;
    }

    @EventSourcingHandler
    void on(ProfileUpdated event) {
        memberId = event.memberId();
        skills = new HashSet<>(event.skills());
    }

    @EventSourcingHandler
    void on(MemberFollowed event) {
        memberId = event.memberId();
        followedMembers.add(event.followedMemberId());
    }

    @EventSourcingHandler
    void on(MemberUnfollowed event) {
        memberId = event.memberId();
        followedMembers.remove(event.followedMemberId());
    }

    @EventSourcingHandler
    void on(TagFollowed event) {
        memberId = event.memberId();
        followedTags.computeIfAbsent(event.communityId(), id -> new HashSet<>()).add(event.tag());
    }

    @EventSourcingHandler
    void on(TagUnfollowed event) {
        memberId = event.memberId();
        followedTags.getOrDefault(event.communityId(), new HashSet<>()).remove(event.tag());
    }

    @EventSourcingHandler
    void on(QuestionFollowed event) {
        memberId = event.memberId();
        followedQuestions.add(event.questionId());
    }

    @EventSourcingHandler
    void on(QuestionUnfollowed event) {
        memberId = event.memberId();
        followedQuestions.remove(event.questionId());
    }

    @EventSourcingHandler
    void on(SkillEndorsed event) {
        memberId = event.memberId();
        endorsers.computeIfAbsent(event.skill(), s -> new HashSet<>()).add(event.actorId());
    }

    @EventSourcingHandler
    void on(SkillEndorsementWithdrawn event) {
        memberId = event.memberId();
        endorsers.getOrDefault(event.skill(), new HashSet<>()).remove(event.actorId());
    }

    private static void requireSelfId(String memberId, String actorId) {
        InputRules.requireId(memberId, "memberId");
        requireSelf(memberId, actorId);
    }

    private static void requireSelf(String memberId, String actorId) {
        if (!memberId.equals(actorId)) {
            throw forbidden("NOT_YOURSELF", "Members change only their own profile and follows.");
        }
    }
}
