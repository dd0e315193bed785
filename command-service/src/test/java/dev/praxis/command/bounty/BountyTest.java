package dev.praxis.command.bounty;

import static dev.praxis.api.community.CommunityRole.MEMBER;
import static dev.praxis.command.bounty.Rejections.rejected;

import dev.praxis.api.bounty.AwardBounty;
import dev.praxis.api.bounty.BountyAwarded;
import dev.praxis.api.bounty.BountyExpired;
import dev.praxis.api.bounty.BountyOffered;
import dev.praxis.api.bounty.ExpireBounty;
import dev.praxis.api.bounty.OfferBounty;
import java.time.Duration;
import java.time.Instant;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class BountyTest {

    private static final Instant T0 = Instant.parse("2026-03-01T08:00:00Z");
    private static final Instant T1 = T0.plus(Duration.ofHours(1));
    private static final Instant DUE = T1.plus(Duration.ofDays(7));

    private AggregateTestFixture<Bounty> fixture;
    private Fakes.InMemoryPosts posts;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Bounty.class);
        posts = new Fakes.InMemoryPosts()
                .question("q1", "c1", "alice", T0)
                .answer("a-old", "q1", "bob", T0, 9)
                .answer("a-own", "q1", "alice", T1.plusSeconds(60), 7)
                .answer("a-low", "q1", "chen", T1.plusSeconds(60), 1)
                .answer("a-best", "q1", "dora", T1.plusSeconds(120), 3)
                .answer("a-tie", "q1", "chen", T1.plusSeconds(180), 3)
                .question("q-deleted", "c1", "bob", T0).deleted("q-deleted")
                .question("q-locked", "c1", "bob", T0).locked("q-locked");
        fixture.registerInjectableResource(posts);
        fixture.registerInjectableResource(new Fakes.Directory()
                .with("c1", "alice", MEMBER).with("c1", "bob", MEMBER).with("c1", "chen", MEMBER).with("c1", "dora", MEMBER));
        fixture.registerInjectableResource(new Fakes.Reputations()
                .with("alice", 1_000).with("bob", 100).with("chen", 20).with("dora", 1_000));
    }

    private static BountyOffered offered(int round, int amount) {
        return new BountyOffered("q1", round, "c1", amount, DUE, "alice", T1);
    }

    @Nested
    class Offering {

        @Test
        void aMemberOffersABountyThatRunsSevenDays() {
            fixture.givenNoPriorActivity()
                    .when(new OfferBounty("q1", 100, "alice", T1))
                    .expectEvents(offered(1, 100));
        }

        @Test
        void aNewBountyMayFollowAClosedOne() {
            fixture.given(offered(1, 100), new BountyAwarded("q1", 1, "c1", "a-best", "dora", 100, "alice", T1))
                    .when(new OfferBounty("q1", 50, "alice", T1))
                    .expectEvents(new BountyOffered("q1", 2, "c1", 50, DUE, "alice", T1));
        }

        @Test
        void anAmountOutsideTheStepsIsRefused() {
            rejected(fixture.givenNoPriorActivity().when(new OfferBounty("q1", 75, "alice", T1)), "INVALID_BOUNTY_AMOUNT");
            rejected(fixture.givenNoPriorActivity().when(new OfferBounty("q1", 0, "alice", T1)), "INVALID_BOUNTY_AMOUNT");
            rejected(fixture.givenNoPriorActivity().when(new OfferBounty("q1", 550, "alice", T1)), "INVALID_BOUNTY_AMOUNT");
        }

        @Test
        void anUnknownQuestionIsRefused() {
            rejected(fixture.givenNoPriorActivity().when(new OfferBounty("nowhere", 100, "alice", T1)), "UNKNOWN_QUESTION");
        }

        @Test
        void anAnswerIsNoQuestion() {
            rejected(fixture.givenNoPriorActivity().when(new OfferBounty("a-best", 100, "alice", T1)), "UNKNOWN_QUESTION");
        }

        @Test
        void aDeletedQuestionIsRefused() {
            rejected(fixture.givenNoPriorActivity().when(new OfferBounty("q-deleted", 100, "alice", T1)), "QUESTION_DELETED");
        }

        @Test
        void aLockedQuestionIsRefused() {
            rejected(fixture.givenNoPriorActivity().when(new OfferBounty("q-locked", 100, "alice", T1)), "QUESTION_LOCKED");
        }

        @Test
        void aNonMemberIsRefused() {
            rejected(fixture.givenNoPriorActivity().when(new OfferBounty("q1", 100, "eve", T1)), "NOT_A_MEMBER");
        }

        @Test
        void aMemberWithoutThePrivilegeIsRefused() {
            rejected(fixture.givenNoPriorActivity().when(new OfferBounty("q1", 50, "chen", T1)), "MISSING_PRIVILEGE");
        }

        @Test
        void aSecondOpenBountyIsRefused() {
            rejected(fixture.given(offered(1, 100)).when(new OfferBounty("q1", 100, "dora", T1)), "BOUNTY_ALREADY_OPEN");
        }

        @Test
        void aBountyAboveOnesReputationIsRefused() {
            rejected(fixture.givenNoPriorActivity().when(new OfferBounty("q1", 150, "bob", T1)), "INSUFFICIENT_REPUTATION");
        }
    }

    @Nested
    class Awarding {

        @Test
        void theOffererAwardsAnotherMembersAnswer() {
            fixture.given(offered(1, 200))
                    .when(new AwardBounty("q1", "a-low", "alice", T1))
                    .expectEvents(new BountyAwarded("q1", 1, "c1", "a-low", "chen", 200, "alice", T1));
        }

        @Test
        void withoutAnOpenBountyItIsRefused() {
            rejected(fixture.given(offered(1, 200), new BountyAwarded("q1", 1, "c1", "a-low", "chen", 200, "alice", T1))
                    .when(new AwardBounty("q1", "a-best", "alice", T1)), "NO_OPEN_BOUNTY");
        }

        @Test
        void onlyTheOffererAwards() {
            rejected(fixture.given(offered(1, 200)).when(new AwardBounty("q1", "a-best", "bob", T1)), "NOT_THE_OFFERER");
        }

        @Test
        void anAnswerToAnotherQuestionIsRefused() {
            posts.question("q2", "c1", "bob", T0).answer("a-elsewhere", "q2", "chen", T1, 0);
            rejected(fixture.given(offered(1, 200)).when(new AwardBounty("q1", "a-elsewhere", "alice", T1)), "UNKNOWN_ANSWER");
            rejected(fixture.given(offered(1, 200)).when(new AwardBounty("q1", "nowhere", "alice", T1)), "UNKNOWN_ANSWER");
        }

        @Test
        void oneCannotAwardOneself() {
            rejected(fixture.given(offered(1, 200)).when(new AwardBounty("q1", "a-own", "alice", T1)), "OWN_ANSWER");
        }

        @Test
        void aMissingAnswerIdIsRefused() {
            rejected(fixture.given(offered(1, 200)).when(new AwardBounty("q1", " ", "alice", T1)), "MISSING_ANSWER_ID");
        }
    }

    @Nested
    class Expiring {

        @Test
        void halfGoesToTheBestNewAnswerOfAnotherMemberWithScoreTwo() {
            // a-old scores more but predates the bounty; a-own is the offerer's; a-tie ties a-best but came later
            fixture.given(offered(1, 150))
                    .when(new ExpireBounty("q1", 1, "system", DUE))
                    .expectEvents(new BountyExpired("q1", 1, "c1", "alice", 150, "a-best", "dora", 75, "system", DUE));
        }

        @Test
        void withoutAnEligibleAnswerNobodyGetsIt() {
            posts.deleted("a-best").deleted("a-tie");
            fixture.given(offered(1, 150))
                    .when(new ExpireBounty("q1", 1, "system", DUE.plusSeconds(5)))
                    .expectEvents(new BountyExpired("q1", 1, "c1", "alice", 150, null, null, 0, "system", DUE.plusSeconds(5)));
        }

        @Test
        void anAwardedOrExpiredBountyIgnoresIt() {
            fixture.given(offered(1, 150), new BountyAwarded("q1", 1, "c1", "a-low", "chen", 150, "alice", T1))
                    .when(new ExpireBounty("q1", 1, "system", DUE))
                    .expectSuccessfulHandlerExecution().expectNoEvents();
            fixture.given(offered(1, 150), new BountyExpired("q1", 1, "c1", "alice", 150, null, null, 0, "system", DUE))
                    .when(new ExpireBounty("q1", 1, "system", DUE))
                    .expectSuccessfulHandlerExecution().expectNoEvents();
        }

        @Test
        void anotherRoundIsIgnored() {
            fixture.given(offered(2, 150))
                    .when(new ExpireBounty("q1", 1, "system", DUE))
                    .expectSuccessfulHandlerExecution().expectNoEvents();
        }

        @Test
        void aBountyNotYetDueRefuses() {
            rejected(fixture.given(offered(1, 150)).when(new ExpireBounty("q1", 1, "system", DUE.minusSeconds(1))),
                    "BOUNTY_NOT_DUE");
        }
    }
}
