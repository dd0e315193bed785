package dev.praxis.command.community;

import static dev.praxis.api.community.CommunityRole.MEMBER;
import static dev.praxis.api.community.CommunityRole.MODERATOR;
import static dev.praxis.api.community.CommunityRole.OWNER;
import static dev.praxis.api.shared.Rejection.CONFLICT;
import static dev.praxis.api.shared.Rejection.FORBIDDEN;
import static dev.praxis.api.shared.Rejection.INVALID_INPUT;
import static dev.praxis.api.shared.Rejection.NOT_FOUND;
import static dev.praxis.command.community.Refusals.refused;

import dev.praxis.api.community.ApproveMembershipRequest;
import dev.praxis.api.community.BanMember;
import dev.praxis.api.community.ChangeCommunitySettings;
import dev.praxis.api.community.ChangeMemberRole;
import dev.praxis.api.community.CommunityCreated;
import dev.praxis.api.community.CommunityDescriptionChanged;
import dev.praxis.api.community.CommunityPrivilegeThresholdsChanged;
import dev.praxis.api.community.CommunityRole;
import dev.praxis.api.community.CommunityVisibility;
import dev.praxis.api.community.CommunityVisibilityChanged;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.TestExecutor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Settings, membership, roles, suspensions and bans. The community: alice owns it, mo moderates,
 * bob and carol are members; dan is no member.
 */
class CommunityMembershipTest {

    private static final Instant T0 = Instant.parse("2026-01-05T09:00:00Z");
    private static final Instant T1 = Instant.parse("2026-01-06T09:00:00Z");
    private static final Instant LATER = Instant.parse("2026-02-01T00:00:00Z");
    private static final Instant MUCH_LATER = Instant.parse("2026-03-01T00:00:00Z");

    private AggregateTestFixture<Community> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Community.class);
    }

    private TestExecutor<Community> given(Object... more) {
        List<Object> events = new ArrayList<>(List.of(
                new CommunityCreated("c1", "Java Practitioners", "JVM people", PrivilegePreset.STACK_OVERFLOW, "alice", T0),
                joined("alice", OWNER, "alice"),
                joined("mo", MEMBER, "mo"),
                new MemberRoleChanged("c1", "mo", MEMBER, MODERATOR, "alice", T0),
                joined("bob", MEMBER, "bob"),
                joined("carol", MEMBER, "carol")));
        events.addAll(List.of(more));
        return fixture.given(events);
    }

    private static MemberJoinedCommunity joined(String member, CommunityRole role, String actor) {
        return new MemberJoinedCommunity("c1", member, member, role, actor, T0);
    }

    private static CommunityVisibilityChanged madeRestricted() {
        return new CommunityVisibilityChanged("c1", CommunityVisibility.PUBLIC, CommunityVisibility.RESTRICTED, "alice", T0);
    }

    private static CommunityVisibilityChanged madePrivate() {
        return new CommunityVisibilityChanged("c1", CommunityVisibility.PUBLIC, CommunityVisibility.PRIVATE, "alice", T0);
    }

    @Nested
    class Settings {

        @Test
        void theOwnerMakesTheCommunityPrivate() {
            given().when(new ChangeCommunitySettings("c1", CommunityVisibility.PRIVATE, null, null, null, "alice", T1))
                    .expectEvents(new CommunityVisibilityChanged("c1", CommunityVisibility.PUBLIC, CommunityVisibility.PRIVATE, "alice", T1));
        }

        @Test
        void theOwnerAppliesAPresetWithOneThresholdOfTheirOwn() {
            Map<Privilege, Integer> expected = new java.util.EnumMap<>(PrivilegePreset.TEAM.thresholds());
            expected.put(Privilege.DOWNVOTE, 50);
            given().when(new ChangeCommunitySettings("c1", null, PrivilegePreset.TEAM, Map.of(Privilege.DOWNVOTE, 50), null, "alice", T1))
                    .expectEvents(new CommunityPrivilegeThresholdsChanged("c1", PrivilegePreset.TEAM, expected, "alice", T1));
        }

        @Test
        void theOwnerSetsSingleThresholds() {
            given().when(new ChangeCommunitySettings("c1", null, null, Map.of(Privilege.UPVOTE, 1), null, "alice", T1))
                    .expectEvents(new CommunityPrivilegeThresholdsChanged("c1", null, Map.of(Privilege.UPVOTE, 1), "alice", T1));
        }

        @Test
        void aModeratorEditsTheDescription() {
            given().when(new ChangeCommunitySettings("c1", null, null, null, "  All things JVM ", "mo", T1))
                    .expectEvents(new CommunityDescriptionChanged("c1", "All things JVM", "mo", T1));
        }

        @Test
        void aBlankDescriptionClearsIt() {
            given().when(new ChangeCommunitySettings("c1", null, null, null, " ", "alice", T1))
                    .expectEvents(new CommunityDescriptionChanged("c1", null, "alice", T1));
        }

        @Test
        void aModeratorCannotChangeTheVisibility() {
            refused(given().when(new ChangeCommunitySettings("c1", CommunityVisibility.PRIVATE, null, null, null, "mo", T1)),
                    FORBIDDEN, "OWNER_ONLY");
        }

        @Test
        void aModeratorCannotChangeThresholds() {
            refused(given().when(new ChangeCommunitySettings("c1", null, PrivilegePreset.TEAM, null, null, "mo", T1)),
                    FORBIDDEN, "OWNER_ONLY");
        }

        @Test
        void aMemberCannotChangeSettings() {
            refused(given().when(new ChangeCommunitySettings("c1", null, null, null, "mine now", "bob", T1)),
                    FORBIDDEN, "NOT_A_MODERATOR");
        }

        @Test
        void aThresholdMustNotBeNegative() {
            refused(given().when(new ChangeCommunitySettings("c1", null, null, Map.of(Privilege.UPVOTE, -5), null, "alice", T1)),
                    INVALID_INPUT, "INVALID_THRESHOLD");
        }

        @Test
        void aThresholdHasABound() {
            refused(given().when(new ChangeCommunitySettings("c1", null, null, Map.of(Privilege.UPVOTE, 2_000_000), null, "alice", T1)),
                    INVALID_INPUT, "INVALID_THRESHOLD");
        }

        @Test
        void aTooLongDescriptionIsRefused() {
            refused(given().when(new ChangeCommunitySettings("c1", null, null, null, "x".repeat(2_001), "alice", T1)),
                    INVALID_INPUT, "DESCRIPTION_TOO_LONG");
        }

        @Test
        void nothingToChangeIsRefused() {
            refused(given().when(new ChangeCommunitySettings("c1", CommunityVisibility.PUBLIC, null, null, "JVM people", "alice", T1)),
                    INVALID_INPUT, "NO_CHANGE");
        }
    }

    @Nested
    class Joining {

        @Test
        void anUninvitedJoinOfARestrictedCommunityIsRefused() {
            refused(given(madeRestricted()).when(new JoinCommunity("c1", "dan", "Dan", T1)), FORBIDDEN, "INVITATION_REQUIRED");
        }

        @Test
        void anUninvitedJoinOfAPrivateCommunityIsRefused() {
            refused(given(madePrivate()).when(new JoinCommunity("c1", "dan", "Dan", T1)), FORBIDDEN, "INVITATION_REQUIRED");
        }

        @Test
        void anInviteeJoinsAPrivateCommunity() {
            given(madePrivate(), new MemberInvited("c1", "dan", "mo", T0))
                    .when(new JoinCommunity("c1", "dan", "Dan", T1))
                    .expectEvents(new MemberJoinedCommunity("c1", "dan", "Dan", MEMBER, "dan", T1));
        }

        @Test
        void anInvitationIsUsedOnce() {
            refused(given(madePrivate(), new MemberInvited("c1", "dan", "mo", T0),
                    new MemberJoinedCommunity("c1", "dan", "Dan", MEMBER, "dan", T0),
                    new MemberLeftCommunity("c1", "dan", "dan", T0))
                    .when(new JoinCommunity("c1", "dan", "Dan", T1)), FORBIDDEN, "INVITATION_REQUIRED");
        }

        @Test
        void aBannedPersonCannotRejoin() {
            refused(given(new MemberBanned("c1", "bob", "spam", null, true, "mo", T0))
                    .when(new JoinCommunity("c1", "bob", "Bob", T1)), FORBIDDEN, "BANNED");
        }

        @Test
        void aBanThatEndedNoLongerBlocksJoining() {
            given(new MemberBanned("c1", "bob", "spam", LATER, true, "mo", T0))
                    .when(new JoinCommunity("c1", "bob", "Bob", MUCH_LATER))
                    .expectEvents(new MemberJoinedCommunity("c1", "bob", "Bob", MEMBER, "bob", MUCH_LATER));
        }
    }

    @Nested
    class Leaving {

        @Test
        void aMemberLeaves() {
            given().when(new LeaveCommunity("c1", "bob", T1))
                    .expectEvents(new MemberLeftCommunity("c1", "bob", "bob", T1));
        }

        @Test
        void theSoleOwnerCannotLeave() {
            refused(given().when(new LeaveCommunity("c1", "alice", T1)), CONFLICT, "SOLE_OWNER");
        }

        @Test
        void anOwnerLeavesWhenAnotherOwnerStays() {
            given(new MemberRoleChanged("c1", "bob", MEMBER, OWNER, "alice", T0))
                    .when(new LeaveCommunity("c1", "alice", T1))
                    .expectEvents(new MemberLeftCommunity("c1", "alice", "alice", T1));
        }

        @Test
        void aNonMemberCannotLeave() {
            refused(given().when(new LeaveCommunity("c1", "dan", T1)), FORBIDDEN, "NOT_A_MEMBER");
        }
    }

    @Nested
    class Invitations {

        @Test
        void aModeratorInvites() {
            given().when(new InviteMember("c1", "dan", "mo", T1))
                    .expectEvents(new MemberInvited("c1", "dan", "mo", T1));
        }

        @Test
        void aMemberCannotInvite() {
            refused(given().when(new InviteMember("c1", "dan", "bob", T1)), FORBIDDEN, "NOT_A_MODERATOR");
        }

        @Test
        void aMemberNeedsNoInvitation() {
            refused(given().when(new InviteMember("c1", "bob", "mo", T1)), CONFLICT, "ALREADY_MEMBER");
        }

        @Test
        void anInvitationIsSentOnce() {
            refused(given(new MemberInvited("c1", "dan", "mo", T0)).when(new InviteMember("c1", "dan", "alice", T1)),
                    CONFLICT, "ALREADY_INVITED");
        }

        @Test
        void aBannedPersonCannotBeInvited() {
            refused(given(new MemberBanned("c1", "dan", "spam", null, false, "mo", T0))
                    .when(new InviteMember("c1", "dan", "alice", T1)), FORBIDDEN, "BANNED");
        }

        @Test
        void anInviteeNeedsAnId() {
            refused(given().when(new InviteMember("c1", " ", "mo", T1)), INVALID_INPUT, "MISSING_INVITEE_ID");
        }
    }

    @Nested
    class Requests {

        @Test
        void someoneAsksToJoinARestrictedCommunity() {
            given(madeRestricted()).when(new RequestMembership("c1", " I write Kotlin ", "Dan Diaz", "dan", T1))
                    .expectEvents(new MembershipRequested("c1", "dan", "Dan Diaz", "I write Kotlin", "dan", T1));
        }

        @Test
        void aPublicCommunityNeedsNoRequest() {
            refused(given().when(new RequestMembership("c1", null, "Dan", "dan", T1)), CONFLICT, "OPEN_COMMUNITY");
        }

        @Test
        void aMemberNeedsNoRequest() {
            refused(given(madePrivate()).when(new RequestMembership("c1", null, "Bob", "bob", T1)), CONFLICT, "ALREADY_MEMBER");
        }

        @Test
        void aRequestIsMadeOnce() {
            refused(given(madePrivate(), new MembershipRequested("c1", "dan", "Dan", null, "dan", T0))
                    .when(new RequestMembership("c1", null, "Dan", "dan", T1)), CONFLICT, "ALREADY_REQUESTED");
        }

        @Test
        void aBannedPersonCannotAsk() {
            refused(given(madePrivate(), new MemberBanned("c1", "dan", "spam", null, false, "mo", T0))
                    .when(new RequestMembership("c1", null, "Dan", "dan", T1)), FORBIDDEN, "BANNED");
        }

        @Test
        void aTooLongMessageIsRefused() {
            refused(given(madePrivate()).when(new RequestMembership("c1", "x".repeat(501), "Dan", "dan", T1)),
                    INVALID_INPUT, "MESSAGE_TOO_LONG");
        }

        @Test
        void aModeratorApproves() {
            given(madePrivate(), new MembershipRequested("c1", "dan", "Dan Diaz", null, "dan", T0))
                    .when(new ApproveMembershipRequest("c1", "dan", "mo", T1))
                    .expectEvents(new MembershipRequestApproved("c1", "dan", "mo", T1),
                            new MemberJoinedCommunity("c1", "dan", "Dan Diaz", MEMBER, "mo", T1));
        }

        @Test
        void anApprovedRequestIsNoLongerPending() {
            refused(given(madePrivate(), new MembershipRequested("c1", "dan", "Dan", null, "dan", T0),
                    new MembershipRequestApproved("c1", "dan", "mo", T0),
                    new MemberJoinedCommunity("c1", "dan", "Dan", MEMBER, "mo", T0))
                    .when(new ApproveMembershipRequest("c1", "dan", "alice", T1)), NOT_FOUND, "UNKNOWN_REQUEST");
        }

        @Test
        void aMemberCannotApprove() {
            refused(given(madePrivate(), new MembershipRequested("c1", "dan", "Dan", null, "dan", T0))
                    .when(new ApproveMembershipRequest("c1", "dan", "bob", T1)), FORBIDDEN, "NOT_A_MODERATOR");
        }

        @Test
        void approvingNeedsARequest() {
            refused(given(madePrivate()).when(new ApproveMembershipRequest("c1", "dan", "mo", T1)), NOT_FOUND, "UNKNOWN_REQUEST");
        }

        @Test
        void aModeratorRejects() {
            given(madePrivate(), new MembershipRequested("c1", "dan", "Dan", null, "dan", T0))
                    .when(new RejectMembershipRequest("c1", "dan", " not a practitioner ", "mo", T1))
                    .expectEvents(new MembershipRequestRejected("c1", "dan", "not a practitioner", "mo", T1));
        }

        @Test
        void aRejectedRequestIsNoLongerPending() {
            refused(given(madePrivate(), new MembershipRequested("c1", "dan", "Dan", null, "dan", T0),
                    new MembershipRequestRejected("c1", "dan", null, "mo", T0))
                    .when(new RejectMembershipRequest("c1", "dan", null, "mo", T1)), NOT_FOUND, "UNKNOWN_REQUEST");
        }

        @Test
        void aMemberCannotReject() {
            refused(given(madePrivate(), new MembershipRequested("c1", "dan", "Dan", null, "dan", T0))
                    .when(new RejectMembershipRequest("c1", "dan", null, "carol", T1)), FORBIDDEN, "NOT_A_MODERATOR");
        }

        @Test
        void aRejectionReasonHasABound() {
            refused(given(madePrivate(), new MembershipRequested("c1", "dan", "Dan", null, "dan", T0))
                    .when(new RejectMembershipRequest("c1", "dan", "x".repeat(501), "mo", T1)), INVALID_INPUT, "REASON_TOO_LONG");
        }
    }

    @Nested
    class Roles {

        @Test
        void theOwnerPromotesAModerator() {
            given().when(new ChangeMemberRole("c1", "bob", MODERATOR, "alice", T1))
                    .expectEvents(new MemberRoleChanged("c1", "bob", MEMBER, MODERATOR, "alice", T1));
        }

        @Test
        void theOwnerDemotesAModerator() {
            given().when(new ChangeMemberRole("c1", "mo", MEMBER, "alice", T1))
                    .expectEvents(new MemberRoleChanged("c1", "mo", MODERATOR, MEMBER, "alice", T1));
        }

        @Test
        void theOwnerAddsAnOwnerAndThenStepsDown() {
            given(new MemberRoleChanged("c1", "bob", MEMBER, OWNER, "alice", T0))
                    .when(new ChangeMemberRole("c1", "alice", MEMBER, "alice", T1))
                    .expectEvents(new MemberRoleChanged("c1", "alice", OWNER, MEMBER, "alice", T1));
        }

        @Test
        void theSoleOwnerCannotStepDown() {
            refused(given().when(new ChangeMemberRole("c1", "alice", MODERATOR, "alice", T1)), CONFLICT, "SOLE_OWNER");
        }

        @Test
        void aModeratorCannotChangeRoles() {
            refused(given().when(new ChangeMemberRole("c1", "bob", MODERATOR, "mo", T1)), FORBIDDEN, "OWNER_ONLY");
        }

        @Test
        void theRoleIsRequired() {
            refused(given().when(new ChangeMemberRole("c1", "bob", null, "alice", T1)), INVALID_INPUT, "MISSING_ROLE");
        }

        @Test
        void theTargetMustBeAMember() {
            refused(given().when(new ChangeMemberRole("c1", "dan", MODERATOR, "alice", T1)), NOT_FOUND, "UNKNOWN_MEMBER");
        }

        @Test
        void anUnchangedRoleIsRefused() {
            refused(given().when(new ChangeMemberRole("c1", "mo", MODERATOR, "alice", T1)), CONFLICT, "ROLE_UNCHANGED");
        }
    }

    @Nested
    class Suspensions {

        @Test
        void aModeratorSuspendsAMember() {
            given().when(new SuspendMember("c1", "bob", " rude ", LATER, "mo", T1))
                    .expectEvents(new MemberSuspended("c1", "bob", "rude", LATER, "mo", T1));
        }

        @Test
        void aReasonIsRequired() {
            refused(given().when(new SuspendMember("c1", "bob", " ", LATER, "mo", T1)), INVALID_INPUT, "REASON_EMPTY");
        }

        @Test
        void anEndIsRequired() {
            refused(given().when(new SuspendMember("c1", "bob", "rude", null, "mo", T1)), INVALID_INPUT, "MISSING_UNTIL");
        }

        @Test
        void theEndLiesInTheFuture() {
            refused(given().when(new SuspendMember("c1", "bob", "rude", T0, "mo", T1)), INVALID_INPUT, "UNTIL_NOT_IN_FUTURE");
        }

        @Test
        void aMemberCannotSuspend() {
            refused(given().when(new SuspendMember("c1", "carol", "rude", LATER, "bob", T1)), FORBIDDEN, "NOT_A_MODERATOR");
        }

        @Test
        void onlyMembersAreSuspended() {
            refused(given().when(new SuspendMember("c1", "dan", "rude", LATER, "mo", T1)), NOT_FOUND, "UNKNOWN_MEMBER");
        }

        @Test
        void aModeratorCannotSuspendAModerator() {
            refused(given(new MemberRoleChanged("c1", "bob", MEMBER, MODERATOR, "alice", T0))
                    .when(new SuspendMember("c1", "bob", "rude", LATER, "mo", T1)), FORBIDDEN, "OUTRANKED");
        }

        @Test
        void theOwnerSuspendsAModerator() {
            given().when(new SuspendMember("c1", "mo", "rude", LATER, "alice", T1))
                    .expectEvents(new MemberSuspended("c1", "mo", "rude", LATER, "alice", T1));
        }

        @Test
        void nobodySuspendsAnOwner() {
            refused(given().when(new SuspendMember("c1", "alice", "rude", LATER, "mo", T1)), FORBIDDEN, "OUTRANKED");
        }

        @Test
        void nobodySuspendsThemselves() {
            refused(given().when(new SuspendMember("c1", "mo", "tired", LATER, "mo", T1)), FORBIDDEN, "OWN_MEMBERSHIP");
        }

        @Test
        void aModeratorLiftsASuspension() {
            given(new MemberSuspended("c1", "bob", "rude", LATER, "mo", T0))
                    .when(new LiftSuspension("c1", "bob", "mo", T1))
                    .expectEvents(new SuspensionLifted("c1", "bob", "mo", T1));
        }

        @Test
        void liftingNeedsASuspension() {
            refused(given().when(new LiftSuspension("c1", "bob", "mo", T1)), CONFLICT, "NOT_SUSPENDED");
        }

        @Test
        void anEndedSuspensionCannotBeLifted() {
            refused(given(new MemberSuspended("c1", "bob", "rude", LATER, "mo", T0))
                    .when(new LiftSuspension("c1", "bob", "mo", MUCH_LATER)), CONFLICT, "NOT_SUSPENDED");
        }

        @Test
        void aMemberCannotLiftASuspension() {
            refused(given(new MemberSuspended("c1", "bob", "rude", LATER, "mo", T0))
                    .when(new LiftSuspension("c1", "bob", "carol", T1)), FORBIDDEN, "NOT_A_MODERATOR");
        }
    }

    @Nested
    class Bans {

        @Test
        void aModeratorBansAMemberForGood() {
            given().when(new BanMember("c1", "bob", "spam", null, "mo", T1))
                    .expectEvents(new MemberBanned("c1", "bob", "spam", null, true, "mo", T1));
        }

        @Test
        void aModeratorBansSomeoneWhoIsNoMemberUntilADate() {
            given().when(new BanMember("c1", "dan", "spam", LATER, "mo", T1))
                    .expectEvents(new MemberBanned("c1", "dan", "spam", LATER, false, "mo", T1));
        }

        @Test
        void aBanNeedsAReason() {
            refused(given().when(new BanMember("c1", "bob", null, null, "mo", T1)), INVALID_INPUT, "REASON_EMPTY");
        }

        @Test
        void aBanEndsInTheFuture() {
            refused(given().when(new BanMember("c1", "bob", "spam", T0, "mo", T1)), INVALID_INPUT, "UNTIL_NOT_IN_FUTURE");
        }

        @Test
        void aMemberCannotBan() {
            refused(given().when(new BanMember("c1", "carol", "spam", null, "bob", T1)), FORBIDDEN, "NOT_A_MODERATOR");
        }

        @Test
        void nobodyBansAnOwner() {
            refused(given().when(new BanMember("c1", "alice", "spam", null, "mo", T1)), FORBIDDEN, "OUTRANKED");
        }

        @Test
        void aBanIsGivenOnce() {
            refused(given(new MemberBanned("c1", "dan", "spam", null, false, "mo", T0))
                    .when(new BanMember("c1", "dan", "spam", null, "alice", T1)), CONFLICT, "ALREADY_BANNED");
        }

        @Test
        void aModeratorUnbans() {
            given(new MemberBanned("c1", "bob", "spam", null, true, "mo", T0))
                    .when(new UnbanMember("c1", "bob", "mo", T1))
                    .expectEvents(new MemberUnbanned("c1", "bob", "mo", T1));
        }

        @Test
        void unbanningNeedsABan() {
            refused(given().when(new UnbanMember("c1", "bob", "mo", T1)), CONFLICT, "NOT_BANNED");
        }

        @Test
        void aMemberCannotUnban() {
            refused(given(new MemberBanned("c1", "dan", "spam", null, false, "mo", T0))
                    .when(new UnbanMember("c1", "dan", "bob", T1)), FORBIDDEN, "NOT_A_MODERATOR");
        }

        @Test
        void anUnbannedFormerMemberJoinsAPublicCommunityAgain() {
            given(new MemberBanned("c1", "bob", "spam", null, true, "mo", T0), new MemberUnbanned("c1", "bob", "mo", T0))
                    .when(new JoinCommunity("c1", "bob", "Bob", T1))
                    .expectEvents(new MemberJoinedCommunity("c1", "bob", "Bob", MEMBER, "bob", T1));
        }
    }
}
