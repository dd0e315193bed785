package dev.praxis.command.flag;

import static dev.praxis.api.community.CommunityRole.MEMBER;
import static dev.praxis.api.community.CommunityRole.MODERATOR;
import static dev.praxis.api.community.CommunityRole.OWNER;
import static dev.praxis.command.bounty.Rejections.rejected;
import static org.assertj.core.api.Assertions.assertThat;

import dev.praxis.api.flag.FlagDecision;
import dev.praxis.api.flag.FlagPost;
import dev.praxis.api.flag.FlagReason;
import dev.praxis.api.flag.FlagReviewed;
import dev.praxis.api.flag.PostFlagged;
import dev.praxis.api.flag.ReviewFlag;
import dev.praxis.api.question.DeletePost;
import dev.praxis.api.question.LockQuestion;
import dev.praxis.api.question.PostKind;
import dev.praxis.command.bounty.Fakes;
import java.time.Instant;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class FlagTest {

    private static final Instant T0 = Instant.parse("2026-03-01T08:00:00Z");
    private static final Instant T1 = Instant.parse("2026-03-01T09:00:00Z");

    private AggregateTestFixture<Flag> fixture;
    private Fakes.InMemoryPosts posts;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Flag.class);
        posts = new Fakes.InMemoryPosts().question("q1", "c1", "alice", T0).answer("a1", "q1", "bob", T0, 0)
                .comment("k1", "q1", "chen", T0);
        fixture.registerInjectableResource(posts);
        fixture.registerInjectableResource(new Fakes.Directory()
                .with("c1", "alice", MEMBER).with("c1", "bob", MEMBER).with("c1", "chen", MEMBER)
                .with("c1", "newbie", MEMBER).with("c1", "mod", MODERATOR).with("c1", "owner", OWNER));
        fixture.registerInjectableResource(new Fakes.Reputations()
                .with("alice", 100).with("bob", 100).with("chen", 100).with("newbie", 1));
    }

    private static PostFlagged flagged(String by, FlagReason reason, String text) {
        return new PostFlagged("a1", PostKind.ANSWER, "q1", "c1", "bob", reason, text, by, T0);
    }

    @Nested
    class Flagging {

        @Test
        void aMemberFlagsAnAnswer() {
            fixture.givenNoPriorActivity()
                    .when(new FlagPost("a1", FlagReason.SPAM, null, "alice", T0))
                    .expectEvents(flagged("alice", FlagReason.SPAM, null));
        }

        @Test
        void aMemberFlagsAQuestionForAnotherReasonWithText() {
            fixture.givenNoPriorActivity()
                    .when(new FlagPost("q1", FlagReason.OTHER, "  Copied from elsewhere. ", "bob", T0))
                    .expectEvents(new PostFlagged("q1", PostKind.QUESTION, "q1", "c1", "alice", FlagReason.OTHER,
                            "Copied from elsewhere.", "bob", T0));
        }

        @Test
        void aMemberFlagsAComment() {
            fixture.givenNoPriorActivity()
                    .when(new FlagPost("k1", FlagReason.OFFENSIVE, null, "alice", T0))
                    .expectEvents(new PostFlagged("k1", PostKind.COMMENT, "q1", "c1", "chen", FlagReason.OFFENSIVE, null, "alice", T0));
        }

        @Test
        void nobodyFlagsTheirOwnComment() {
            rejected(fixture.givenNoPriorActivity().when(new FlagPost("k1", FlagReason.SPAM, null, "chen", T0)), "OWN_POST");
        }

        @Test
        void anotherMemberFlagsTheSamePost() {
            fixture.given(flagged("alice", FlagReason.SPAM, null))
                    .when(new FlagPost("a1", FlagReason.OFFENSIVE, null, "chen", T1))
                    .expectEvents(new PostFlagged("a1", PostKind.ANSWER, "q1", "c1", "bob", FlagReason.OFFENSIVE, null, "chen", T1));
        }

        @Test
        void aMissingReasonIsRefused() {
            rejected(fixture.givenNoPriorActivity().when(new FlagPost("a1", null, null, "alice", T0)), "MISSING_REASON");
        }

        @Test
        void otherWithoutTextIsRefused() {
            rejected(fixture.givenNoPriorActivity().when(new FlagPost("a1", FlagReason.OTHER, " ", "alice", T0)),
                    "FLAG_TEXT_REQUIRED");
        }

        @Test
        void tooLongATextIsRefused() {
            rejected(fixture.givenNoPriorActivity().when(new FlagPost("a1", FlagReason.OTHER, "x".repeat(501), "alice", T0)),
                    "TEXT_TOO_LONG");
        }

        @Test
        void aMissingPostIdIsRefused() {
            rejected(fixture.givenNoPriorActivity().when(new FlagPost(" ", FlagReason.SPAM, null, "alice", T0)),
                    "MISSING_POST_ID");
        }

        @Test
        void anUnknownPostIsRefused() {
            rejected(fixture.givenNoPriorActivity().when(new FlagPost("nowhere", FlagReason.SPAM, null, "alice", T0)),
                    "UNKNOWN_POST");
        }

        @Test
        void aDeletedPostIsRefused() {
            posts.deleted("a1");
            rejected(fixture.givenNoPriorActivity().when(new FlagPost("a1", FlagReason.SPAM, null, "alice", T0)),
                    "POST_DELETED");
        }

        @Test
        void oneCannotFlagOnesOwnPost() {
            rejected(fixture.givenNoPriorActivity().when(new FlagPost("a1", FlagReason.SPAM, null, "bob", T0)), "OWN_POST");
        }

        @Test
        void aNonMemberIsRefused() {
            rejected(fixture.givenNoPriorActivity().when(new FlagPost("a1", FlagReason.SPAM, null, "eve", T0)), "NOT_A_MEMBER");
        }

        @Test
        void aMemberWithoutThePrivilegeIsRefused() {
            rejected(fixture.givenNoPriorActivity().when(new FlagPost("a1", FlagReason.SPAM, null, "newbie", T0)),
                    "MISSING_PRIVILEGE");
        }

        @Test
        void aMemberFlagsAPostOnlyOnce() {
            rejected(fixture.given(flagged("alice", FlagReason.SPAM, null))
                    .when(new FlagPost("a1", FlagReason.OFFENSIVE, null, "alice", T1)), "ALREADY_FLAGGED");
        }

        @Test
        void aMemberFlagsAPostOnlyOnceEvenAfterAReview() {
            rejected(fixture.given(flagged("alice", FlagReason.SPAM, null), reviewed(FlagDecision.DISMISS, List.of("alice")))
                    .when(new FlagPost("a1", FlagReason.OFFENSIVE, null, "alice", T1)), "ALREADY_FLAGGED");
        }
    }

    private static FlagReviewed reviewed(FlagDecision decision, List<String> flaggedBy) {
        return new FlagReviewed("a1", PostKind.ANSWER, "q1", "c1", "bob", decision, null, flaggedBy, "mod", T1);
    }

    @Nested
    class Reviewing {

        @Test
        void aModeratorDismissesTheOpenFlags() {
            fixture.given(flagged("alice", FlagReason.SPAM, null), flagged("chen", FlagReason.SPAM, null))
                    .when(new ReviewFlag("a1", FlagDecision.DISMISS, null, "mod", T1))
                    .expectEvents(reviewed(FlagDecision.DISMISS, List.of("alice", "chen")));
        }

        @Test
        void theOwnerDeletesWithANote() {
            fixture.given(flagged("alice", FlagReason.SPAM, null))
                    .when(new ReviewFlag("a1", FlagDecision.DELETE, "Spam.", "owner", T1))
                    .expectEvents(new FlagReviewed("a1", PostKind.ANSWER, "q1", "c1", "bob", FlagDecision.DELETE, "Spam.",
                            List.of("alice"), "owner", T1));
        }

        @Test
        void aLaterReviewCoversOnlyTheFlagsSinceTheLastOne() {
            fixture.given(flagged("alice", FlagReason.SPAM, null), reviewed(FlagDecision.DISMISS, List.of("alice")),
                            flagged("chen", FlagReason.OFFENSIVE, null))
                    .when(new ReviewFlag("a1", FlagDecision.LOCK, null, "mod", T1))
                    .expectEvents(reviewed(FlagDecision.LOCK, List.of("chen")));
        }

        @Test
        void aMemberCannotReview() {
            rejected(fixture.given(flagged("alice", FlagReason.SPAM, null))
                    .when(new ReviewFlag("a1", FlagDecision.DISMISS, null, "chen", T1)), "NOT_A_MODERATOR");
        }

        @Test
        void aMissingDecisionIsRefused() {
            rejected(fixture.given(flagged("alice", FlagReason.SPAM, null))
                    .when(new ReviewFlag("a1", null, null, "mod", T1)), "MISSING_DECISION");
        }

        @Test
        void withoutOpenFlagsItIsRefused() {
            rejected(fixture.given(flagged("alice", FlagReason.SPAM, null), reviewed(FlagDecision.DISMISS, List.of("alice")))
                    .when(new ReviewFlag("a1", FlagDecision.DELETE, null, "mod", T1)), "NO_OPEN_FLAGS");
        }

        @Test
        void tooLongANoteIsRefused() {
            rejected(fixture.given(flagged("alice", FlagReason.SPAM, null))
                    .when(new ReviewFlag("a1", FlagDecision.DISMISS, "x".repeat(501), "mod", T1)), "NOTE_TOO_LONG");
        }
    }

    @Nested
    class CarryingOut {

        @Test
        void dismissSendsNothing() {
            assertThat(FlagDecisions.commandFor(reviewed(FlagDecision.DISMISS, List.of("alice")))).isEmpty();
        }

        @Test
        void deleteDeletesThePostAsTheReviewer() {
            assertThat(FlagDecisions.commandFor(reviewed(FlagDecision.DELETE, List.of("alice"))))
                    .contains(new DeletePost("q1", "a1", "Flagged and reviewed by a moderator.", "mod", T1));
        }

        @Test
        void lockLocksTheQuestionAsTheReviewerWithTheNote() {
            FlagReviewed review = new FlagReviewed("a1", PostKind.ANSWER, "q1", "c1", "bob", FlagDecision.LOCK,
                    "Heated thread.", List.of("alice"), "mod", T1);
            assertThat(FlagDecisions.commandFor(review)).contains(new LockQuestion("q1", "Heated thread.", "mod", T1));
        }
    }
}
