package dev.praxis.command.community;

import static dev.praxis.command.shared.CommandRejectedException.conflict;
import static dev.praxis.command.shared.CommandRejectedException.forbidden;
import static dev.praxis.command.shared.CommandRejectedException.invalid;
import static dev.praxis.command.shared.CommandRejectedException.notFound;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import dev.praxis.api.community.ApproveMembershipRequest;
import dev.praxis.api.community.BanMember;
import dev.praxis.api.community.ChangeCommunitySettings;
import dev.praxis.api.reputation.ChangeReputationRules;
import dev.praxis.api.reputation.ReputationRule;
import dev.praxis.api.reputation.ReputationRules;
import dev.praxis.api.reputation.ReputationRulesChanged;
import dev.praxis.api.community.ChangeMemberRole;
import dev.praxis.api.community.CommunityCreated;
import dev.praxis.api.community.CommunityDescriptionChanged;
import dev.praxis.api.community.CommunityPrivilegeThresholdsChanged;
import dev.praxis.api.community.CommunityRole;
import dev.praxis.api.community.CommunityVisibility;
import dev.praxis.api.community.CommunityVisibilityChanged;
import dev.praxis.api.community.CreateCommunity;
import dev.praxis.api.community.InviteMember;
import dev.praxis.api.community.JoinCommunity;
import dev.praxis.api.community.LeaveCommunity;
import dev.praxis.api.community.LiftSuspension;
import dev.praxis.api.community.MemberBanned;
import dev.praxis.api.community.MemberInvited;
import dev.praxis.api.community.MemberJoinedCommunity;
import dev.praxis.api.community.MemberLeftCommunity;
import dev.praxis.api.community.MemberRoleChanged;
import dev.praxis.api.community.MemberSuspended;
import dev.praxis.api.community.MemberUnbanned;
import dev.praxis.api.community.MembershipRequestApproved;
import dev.praxis.api.community.MembershipRequestRejected;
import dev.praxis.api.community.MembershipRequested;
import dev.praxis.api.community.RejectMembershipRequest;
import dev.praxis.api.community.RequestMembership;
import dev.praxis.api.community.SuspendMember;
import dev.praxis.api.community.SuspensionLifted;
import dev.praxis.api.community.UnbanMember;
import dev.praxis.api.privilege.Privilege;
import dev.praxis.api.privilege.PrivilegePreset;
import dev.praxis.api.shared.Limits;
import dev.praxis.command.shared.InputRules;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A community of practice and its membership: who belongs and in which role, who is invited or
 * asked to join, who is suspended or banned, and the settings that decide who may join.
 */
@Aggregate(snapshotTriggerDefinition = "snapshotTrigger")
public class Community {

    static final int REASON_MAX = 500;
    static final int REQUEST_MESSAGE_MAX = 500;
    /** The highest reputation a community may ask for one privilege. */
    static final int THRESHOLD_MAX = 1_000_000;

    @AggregateIdentifier
    private String communityId;
    private CommunityVisibility visibility = CommunityVisibility.PUBLIC;
    private String description;
    private Map<String, CommunityRole> members = new HashMap<>();
    private Set<String> invitees = new HashSet<>();
    /** member id to the display name of a pending request */
    private Map<String, String> requests = new HashMap<>();
    /** member id to the end of their suspension */
    private Map<String, Instant> suspensions = new HashMap<>();
    /** member id to the end of their ban; null for a ban for good */
    private Map<String, Instant> bans = new HashMap<>();
    /** the reputation rules in force: version 1 (Stack Overflow's) until an owner changes them */
    private ReputationRules reputationRules = ReputationRules.initial();

    protected Community() {
        // for Axon
    }

    @CommandHandler
    public Community(CreateCommunity command) {
        InputRules.requireId(command.communityId(), "communityId");
        String name = InputRules.requireText(command.name(), "name", Limits.COMMUNITY_NAME_MIN, Limits.COMMUNITY_NAME_MAX);
        String description = InputRules.optionalText(command.description(), "description", Limits.COMMUNITY_DESCRIPTION_MAX);
        String displayName = displayName(command.actorName(), command.actorId());
        PrivilegePreset preset = command.privilegePreset() == null ? PrivilegePreset.STACK_OVERFLOW : command.privilegePreset();
        apply(new CommunityCreated(command.communityId(), name, description, preset, command.actorId(), command.occurredAt()));
        apply(new MemberJoinedCommunity(command.communityId(), command.actorId(), displayName, CommunityRole.OWNER,
                command.actorId(), command.occurredAt()));
        if (command.visibility() != null && command.visibility() != CommunityVisibility.PUBLIC) {
            apply(new CommunityVisibilityChanged(command.communityId(), CommunityVisibility.PUBLIC, command.visibility(),
                    command.actorId(), command.occurredAt()));
        }
    }

    @CommandHandler
    public void handle(JoinCommunity command) {
        if (members.containsKey(command.actorId())) {
            throw conflict("ALREADY_MEMBER", "You are already a member of this community.");
        }
        requireNotBanned(command.actorId(), command.occurredAt(), "You are banned from this community.");
        if (visibility != CommunityVisibility.PUBLIC && !invitees.contains(command.actorId())) {
            throw forbidden("INVITATION_REQUIRED",
                    "This community admits members by invitation or approved request: ask to join instead.");
        }
        apply(new MemberJoinedCommunity(communityId, command.actorId(), displayName(command.actorName(), command.actorId()),
                CommunityRole.MEMBER, command.actorId(), command.occurredAt()));
    }

    @CommandHandler
    public void handle(ChangeCommunitySettings command) {
        CommunityRole actorRole = requireModerator(command.actorId());
        boolean ownerSettings = command.visibility() != null || command.privilegePreset() != null
                || (command.thresholds() != null && !command.thresholds().isEmpty());
        if (ownerSettings && actorRole != CommunityRole.OWNER) {
            throw forbidden("OWNER_ONLY", "Only an owner can change the visibility or the privilege thresholds.");
        }
        Map<Privilege, Integer> thresholds = new EnumMap<>(Privilege.class);
        if (command.privilegePreset() != null) {
            thresholds.putAll(command.privilegePreset().thresholds());
        }
        if (command.thresholds() != null) {
            command.thresholds().forEach((privilege, threshold) -> {
                if (privilege == null || threshold == null) {
                    throw invalid("INVALID_THRESHOLD", "Each threshold names a privilege and a reputation.");
                }
                if (threshold < 0 || threshold > THRESHOLD_MAX) {
                    throw invalid("INVALID_THRESHOLD", "The threshold of " + privilege + " must lie between 0 and "
                            + THRESHOLD_MAX + " (it is " + threshold + ").");
                }
                thresholds.put(privilege, threshold);
            });
        }
        String newDescription = command.description() == null ? description
                : InputRules.optionalText(command.description(), "description", Limits.COMMUNITY_DESCRIPTION_MAX);
        boolean visibilityChanges = command.visibility() != null && command.visibility() != visibility;
        boolean descriptionChanges = command.description() != null && !Objects.equals(newDescription, description);
        if (!visibilityChanges && !descriptionChanges && thresholds.isEmpty()) {
            throw invalid("NO_CHANGE", "The settings given are the community's settings already.");
        }
        if (visibilityChanges) {
            apply(new CommunityVisibilityChanged(communityId, visibility, command.visibility(),
                    command.actorId(), command.occurredAt()));
        }
        if (!thresholds.isEmpty()) {
            apply(new CommunityPrivilegeThresholdsChanged(communityId, command.privilegePreset(), thresholds,
                    command.actorId(), command.occurredAt()));
        }
        if (descriptionChanges) {
            apply(new CommunityDescriptionChanged(communityId, newDescription, command.actorId(), command.occurredAt()));
        }
    }

    /**
     * Owners change the reputation rules; both sides then recompute the community's reputation from
     * its history under the new version (see {@code ReputationEffects} and the query side's
     * reputation projection).
     */
    @CommandHandler
    public void handle(ChangeReputationRules command) {
        if (members.get(command.actorId()) != CommunityRole.OWNER) {
            throw forbidden("OWNER_ONLY", "Only an owner can change the community's reputation rules.");
        }
        if (command.preset() == null && (command.values() == null || command.values().isEmpty())) {
            throw invalid("MISSING_RULES", "Name a preset or at least one rule value.");
        }
        Map<ReputationRule, Integer> values = new EnumMap<>(ReputationRule.class);
        if (command.preset() == null) {
            values.putAll(reputationRules.values());
        }
        if (command.values() != null) {
            command.values().forEach((rule, value) -> {
                if (rule == null || value == null) {
                    throw invalid("INVALID_RULE_VALUE", "Each rule value names a rule and a number.");
                }
                if (!rule.allows(value)) {
                    throw invalid("INVALID_RULE_VALUE", "The value of " + rule + " must lie between " + rule.min()
                            + " and " + rule.max() + " (it is " + value + ").");
                }
                values.put(rule, value);
            });
        }
        ReputationRules next = new ReputationRules(reputationRules.version() + 1,
                command.preset() == null ? reputationRules.preset() : command.preset(), values);
        if (next.values().equals(reputationRules.values()) && next.preset() == reputationRules.preset()) {
            throw invalid("NO_CHANGE", "These are the community's reputation rules already.");
        }
        apply(new ReputationRulesChanged(communityId, next.version(), next.preset(), new EnumMap<>(next.values()),
                command.actorId(), command.occurredAt()));
    }

    @CommandHandler
    public void handle(LeaveCommunity command) {
        CommunityRole role = members.get(command.actorId());
        if (role == null) {
            throw forbidden("NOT_A_MEMBER", "You are not a member of this community.");
        }
        if (role == CommunityRole.OWNER && ownerCount() == 1) {
            throw conflict("SOLE_OWNER", "You are the community's only owner: make another member an owner before you leave.");
        }
        apply(new MemberLeftCommunity(communityId, command.actorId(), command.actorId(), command.occurredAt()));
    }

    @CommandHandler
    public void handle(InviteMember command) {
        requireModerator(command.actorId());
        InputRules.requireId(command.inviteeId(), "inviteeId");
        if (members.containsKey(command.inviteeId())) {
            throw conflict("ALREADY_MEMBER", "This person is already a member of the community.");
        }
        requireNotBanned(command.inviteeId(), command.occurredAt(), "This person is banned from the community.");
        if (invitees.contains(command.inviteeId())) {
            throw conflict("ALREADY_INVITED", "This person is invited already.");
        }
        apply(new MemberInvited(communityId, command.inviteeId(), command.actorId(), command.occurredAt()));
    }

    @CommandHandler
    public void handle(RequestMembership command) {
        String message = InputRules.optionalText(command.message(), "message", REQUEST_MESSAGE_MAX);
        if (members.containsKey(command.actorId())) {
            throw conflict("ALREADY_MEMBER", "You are already a member of this community.");
        }
        requireNotBanned(command.actorId(), command.occurredAt(), "You are banned from this community.");
        if (visibility == CommunityVisibility.PUBLIC) {
            throw conflict("OPEN_COMMUNITY", "Anyone may join this community: join it directly.");
        }
        if (requests.containsKey(command.actorId())) {
            throw conflict("ALREADY_REQUESTED", "Your request to join is already waiting for a moderator.");
        }
        apply(new MembershipRequested(communityId, command.actorId(), displayName(command.actorName(), command.actorId()),
                message, command.actorId(), command.occurredAt()));
    }

    @CommandHandler
    public void handle(ApproveMembershipRequest command) {
        requireModerator(command.actorId());
        String displayName = requirePendingRequest(command.memberId());
        apply(new MembershipRequestApproved(communityId, command.memberId(), command.actorId(), command.occurredAt()));
        apply(new MemberJoinedCommunity(communityId, command.memberId(), displayName, CommunityRole.MEMBER,
                command.actorId(), command.occurredAt()));
    }

    @CommandHandler
    public void handle(RejectMembershipRequest command) {
        requireModerator(command.actorId());
        String reason = InputRules.optionalText(command.reason(), "reason", REASON_MAX);
        requirePendingRequest(command.memberId());
        apply(new MembershipRequestRejected(communityId, command.memberId(), reason, command.actorId(), command.occurredAt()));
    }

    @CommandHandler
    public void handle(ChangeMemberRole command) {
        if (members.get(command.actorId()) != CommunityRole.OWNER) {
            throw forbidden("OWNER_ONLY", "Only an owner can change members' roles.");
        }
        if (command.role() == null) {
            throw invalid("MISSING_ROLE", "The new role is required: MEMBER, MODERATOR or OWNER.");
        }
        CommunityRole current = requireTargetMember(command.memberId());
        if (current == command.role()) {
            throw conflict("ROLE_UNCHANGED", "The member has this role already.");
        }
        if (current == CommunityRole.OWNER && ownerCount() == 1) {
            throw conflict("SOLE_OWNER", "The community keeps one owner at least: make another member an owner first.");
        }
        apply(new MemberRoleChanged(communityId, command.memberId(), current, command.role(),
                command.actorId(), command.occurredAt()));
    }

    @CommandHandler
    public void handle(SuspendMember command) {
        CommunityRole actorRole = requireModerator(command.actorId());
        String reason = InputRules.requireText(command.reason(), "reason", 1, REASON_MAX);
        requireFutureEnd(command.until(), command.occurredAt(), true);
        CommunityRole target = requireTargetMember(command.memberId());
        requireOutranks(actorRole, target, command.actorId(), command.memberId());
        apply(new MemberSuspended(communityId, command.memberId(), reason, command.until(),
                command.actorId(), command.occurredAt()));
    }

    @CommandHandler
    public void handle(LiftSuspension command) {
        requireModerator(command.actorId());
        Instant until = suspensions.get(command.memberId());
        if (until == null || !until.isAfter(command.occurredAt())) {
            throw conflict("NOT_SUSPENDED", "This member is not suspended.");
        }
        apply(new SuspensionLifted(communityId, command.memberId(), command.actorId(), command.occurredAt()));
    }

    @CommandHandler
    public void handle(BanMember command) {
        CommunityRole actorRole = requireModerator(command.actorId());
        InputRules.requireId(command.memberId(), "memberId");
        String reason = InputRules.requireText(command.reason(), "reason", 1, REASON_MAX);
        requireFutureEnd(command.until(), command.occurredAt(), false);
        CommunityRole target = members.get(command.memberId());
        requireOutranks(actorRole, target, command.actorId(), command.memberId());
        if (isBanned(command.memberId(), command.occurredAt())) {
            throw conflict("ALREADY_BANNED", "This person is banned already.");
        }
        apply(new MemberBanned(communityId, command.memberId(), reason, command.until(), target != null,
                command.actorId(), command.occurredAt()));
    }

    @CommandHandler
    public void handle(UnbanMember command) {
        requireModerator(command.actorId());
        if (!isBanned(command.memberId(), command.occurredAt())) {
            throw conflict("NOT_BANNED", "This person is not banned.");
        }
        apply(new MemberUnbanned(communityId, command.memberId(), command.actorId(), command.occurredAt()));
    }

    @EventSourcingHandler
    void on(CommunityCreated event) {
        this.communityId = event.communityId();
        this.description = event.description();
    }

    @EventSourcingHandler
    void on(MemberJoinedCommunity event) {
        members.put(event.memberId(), event.role());
        invitees.remove(event.memberId());
        requests.remove(event.memberId());
    }

    @EventSourcingHandler
    void on(ReputationRulesChanged event) {
        reputationRules = event.rules();
    }

    @EventSourcingHandler
    void on(CommunityVisibilityChanged event) {
        visibility = event.visibility();
    }

    @EventSourcingHandler
    void on(CommunityDescriptionChanged event) {
        description = event.description();
    }

    @EventSourcingHandler
    void on(MemberLeftCommunity event) {
        members.remove(event.memberId());
    }

    @EventSourcingHandler
    void on(MemberInvited event) {
        invitees.add(event.inviteeId());
    }

    @EventSourcingHandler
    void on(MembershipRequested event) {
        requests.put(event.memberId(), event.displayName());
    }

    @EventSourcingHandler
    void on(MembershipRequestRejected event) {
        requests.remove(event.memberId());
    }

    @EventSourcingHandler
    void on(MemberRoleChanged event) {
        members.put(event.memberId(), event.role());
    }

    @EventSourcingHandler
    void on(MemberSuspended event) {
        suspensions.put(event.memberId(), event.until());
    }

    @EventSourcingHandler
    void on(SuspensionLifted event) {
        suspensions.remove(event.memberId());
    }

    @EventSourcingHandler
    void on(MemberBanned event) {
        bans.put(event.memberId(), event.until());
        members.remove(event.memberId());
        invitees.remove(event.memberId());
        requests.remove(event.memberId());
        suspensions.remove(event.memberId());
    }

    @EventSourcingHandler
    void on(MemberUnbanned event) {
        bans.remove(event.memberId());
    }

    private CommunityRole requireModerator(String actorId) {
        CommunityRole role = members.get(actorId);
        if (role != CommunityRole.OWNER && role != CommunityRole.MODERATOR) {
            throw forbidden("NOT_A_MODERATOR", "Only the community's moderators and owners can do this.");
        }
        return role;
    }

    private CommunityRole requireTargetMember(String memberId) {
        InputRules.requireId(memberId, "memberId");
        CommunityRole role = members.get(memberId);
        if (role == null) {
            throw notFound("UNKNOWN_MEMBER", "There is no member " + memberId + " in this community.");
        }
        return role;
    }

    private String requirePendingRequest(String memberId) {
        InputRules.requireId(memberId, "memberId");
        String displayName = requests.get(memberId);
        if (displayName == null) {
            throw notFound("UNKNOWN_REQUEST", "There is no pending request to join from " + memberId + ".");
        }
        return displayName;
    }

    /** Moderators act on members; owners on moderators too; nobody on an owner or on themselves. */
    private static void requireOutranks(CommunityRole actorRole, CommunityRole target, String actorId, String memberId) {
        if (actorId.equals(memberId)) {
            throw forbidden("OWN_MEMBERSHIP", "You cannot suspend or ban yourself.");
        }
        if (target == CommunityRole.OWNER || (target == CommunityRole.MODERATOR && actorRole != CommunityRole.OWNER)) {
            throw forbidden("OUTRANKED", "Only an owner can suspend or ban a moderator, and no one an owner.");
        }
    }

    private static void requireFutureEnd(Instant until, Instant now, boolean required) {
        if (until == null) {
            if (required) {
                throw invalid("MISSING_UNTIL", "A suspension needs an end: until is required.");
            }
            return;
        }
        if (now != null && !until.isAfter(now)) {
            throw invalid("UNTIL_NOT_IN_FUTURE", "The end (until) must lie in the future.");
        }
    }

    private void requireNotBanned(String memberId, Instant now, String message) {
        if (isBanned(memberId, now)) {
            throw forbidden("BANNED", message);
        }
    }

    private boolean isBanned(String memberId, Instant now) {
        if (!bans.containsKey(memberId)) {
            return false;
        }
        Instant until = bans.get(memberId);
        return until == null || now == null || until.isAfter(now);
    }

    private long ownerCount() {
        return members.values().stream().filter(role -> role == CommunityRole.OWNER).count();
    }

    /** The name a member shows, from their identity; the id when the identity has none. */
    private static String displayName(String actorName, String actorId) {
        String name = actorName == null || actorName.isBlank() ? actorId : actorName.strip();
        return name.length() > Limits.DISPLAY_NAME_MAX ? name.substring(0, Limits.DISPLAY_NAME_MAX) : name;
    }
}
