package dev.praxis.command.question;

import static dev.praxis.api.question.VoteDirection.DOWN;
import static dev.praxis.api.question.VoteDirection.UP;

import dev.praxis.api.question.AcceptAnswer;
import dev.praxis.api.question.AnswerAccepted;
import dev.praxis.api.question.AnswerAcceptanceWithdrawn;
import dev.praxis.api.question.AnswerEndorsed;
import dev.praxis.api.question.AnswerPosted;
import dev.praxis.api.question.AskQuestion;
import dev.praxis.api.question.CastVote;
import dev.praxis.api.question.EndorseAnswer;
import dev.praxis.api.question.PostAnswer;
import dev.praxis.api.question.PostKind;
import dev.praxis.api.question.QuestionAsked;
import dev.praxis.api.question.VoteCast;
import dev.praxis.command.shared.CommandRejectedException;
import dev.praxis.command.tag.InMemoryTagDirectory;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.ResultValidator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class QuestionTest {

    private static final Instant T0 = Instant.parse("2026-02-01T08:00:00Z");
    private static final Instant T1 = Instant.parse("2026-02-01T09:00:00Z");
    private static final String TITLE = "How do I replay a single Axon projection?";
    private static final String BODY = "I have a *tracking* processor and want to rebuild it.";

    private AggregateTestFixture<Question> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Question.class);
        fixture.registerInjectableResource(new InMemoryCommunityDirectory()
                .withMember("c1", "alice").withMember("c1", "bob").withMember("c1", "chen").withMember("c1", "newbie"));
        fixture.registerInjectableResource(new FixedPrivileges()
                .with("alice", 1_000).with("bob", 1_000).with("chen", 1_000).with("newbie", 15));
        fixture.registerInjectableResource(new InMemoryTagDirectory().withTag("c1", "axon").withTag("c1", "event-sourcing"));
        fixture.registerInjectableResource((Expertise) (community, member, tags) -> member.equals("chen") && tags.contains("axon"));
    }

    private static QuestionAsked asked() {
        return new QuestionAsked("q1", "c1", TITLE, BODY, List.of("axon"), "alice", T0);
    }

    private static AnswerPosted answered(String answerId, String author) {
        return new AnswerPosted("q1", answerId, "c1", "Reset its tokens.", author, T0);
    }

    private static void rejected(ResultValidator<Question> result, String message) {
        result.expectException(CommandRejectedException.class).expectExceptionMessage(message).expectNoEvents();
    }

    @Nested
    class Asking {

        @Test
        void aMemberAsksWithNormalisedTags() {
            fixture.givenNoPriorActivity()
                    .when(new AskQuestion("q1", "c1", "  " + TITLE + " ", BODY, List.of("Axon", "event-sourcing", "axon"), "alice", T0))
                    .expectEvents(new QuestionAsked("q1", "c1", TITLE, BODY, List.of("axon", "event-sourcing"), "alice", T0));
        }

        @Test
        void anEmptyTitleIsRefused() {
            rejected(fixture.givenNoPriorActivity().when(new AskQuestion("q1", "c1", " ", BODY, List.of(), "alice", T0)),
                    "The title must not be empty.");
        }

        @Test
        void aShortTitleIsRefused() {
            rejected(fixture.givenNoPriorActivity().when(new AskQuestion("q1", "c1", "Help?", BODY, List.of(), "alice", T0)),
                    "The title must have at least 10 characters (it has 5).");
        }

        @Test
        void anOversizedTitleIsRefused() {
            rejected(fixture.givenNoPriorActivity().when(new AskQuestion("q1", "c1", "x".repeat(151), BODY, List.of(), "alice", T0)),
                    "The title must have at most 150 characters (it has 151).");
        }

        @Test
        void anEmptyBodyIsRefused() {
            rejected(fixture.givenNoPriorActivity().when(new AskQuestion("q1", "c1", TITLE, "", List.of(), "alice", T0)),
                    "The body must not be empty.");
        }

        @Test
        void anOversizedBodyIsRefused() {
            rejected(fixture.givenNoPriorActivity().when(new AskQuestion("q1", "c1", TITLE, "b".repeat(30_001), List.of(), "alice", T0)),
                    "The body must have at most 30000 characters (it has 30001).");
        }

        @Test
        void anInvalidTagIsRefused() {
            fixture.givenNoPriorActivity()
                    .when(new AskQuestion("q1", "c1", TITLE, BODY, List.of("no spaces"), "alice", T0))
                    .expectException(CommandRejectedException.class).expectNoEvents();
        }

        @Test
        void sixTagsAreTooMany() {
            rejected(fixture.givenNoPriorActivity().when(new AskQuestion("q1", "c1", TITLE, BODY,
                    Arrays.asList("a", "b", "c", "d", "e", "f"), "alice", T0)), "A question has at most 5 tags.");
        }

        @Test
        void anUnknownCommunityIsRefused() {
            rejected(fixture.givenNoPriorActivity().when(new AskQuestion("q1", "nowhere", TITLE, BODY, List.of(), "alice", T0)),
                    "There is no community with id nowhere.");
        }

        @Test
        void aNonMemberCannotAsk() {
            rejected(fixture.givenNoPriorActivity().when(new AskQuestion("q1", "c1", TITLE, BODY, List.of(), "eve", T0)),
                    "Only members of the community can do this: join it first.");
        }
    }

    @Nested
    class Answering {

        @Test
        void aMemberAnswers() {
            fixture.given(asked())
                    .when(new PostAnswer("q1", "a1", "Reset its tokens.", "bob", T1))
                    .expectEvents(new AnswerPosted("q1", "a1", "c1", "Reset its tokens.", "bob", T1));
        }

        @Test
        void aNonMemberCannotAnswer() {
            rejected(fixture.given(asked()).when(new PostAnswer("q1", "a1", "Reset its tokens.", "eve", T1)),
                    "Only members of the community can do this: join it first.");
        }

        @Test
        void anEmptyAnswerIsRefused() {
            rejected(fixture.given(asked()).when(new PostAnswer("q1", "a1", "   ", "bob", T1)), "The body must not be empty.");
        }

        @Test
        void anAnswerIdIsUsedOnce() {
            rejected(fixture.given(asked(), answered("a1", "bob")).when(new PostAnswer("q1", "a1", "Again", "chen", T1)),
                    "A post with id a1 already exists.");
        }

        @Test
        void anAnswerNeedsAnId() {
            fixture.given(asked()).when(new PostAnswer("q1", " ", "Text", "bob", T1))
                    .expectException(CommandRejectedException.class).expectNoEvents();
        }
    }

    @Nested
    class Voting {

        @Test
        void aMemberVotesUpTheQuestion() {
            fixture.given(asked())
                    .when(new CastVote("q1", "q1", UP, "bob", T1))
                    .expectEvents(new VoteCast("q1", "q1", PostKind.QUESTION, "c1", "alice", UP, "bob", T1));
        }

        @Test
        void aMemberVotesDownAnAnswer() {
            fixture.given(asked(), answered("a1", "bob"))
                    .when(new CastVote("q1", "a1", DOWN, "chen", T1))
                    .expectEvents(new VoteCast("q1", "a1", PostKind.ANSWER, "c1", "bob", DOWN, "chen", T1));
        }

        @Test
        void aSecondVoteInTheSameDirectionIsRefused() {
            rejected(fixture.given(asked(), new VoteCast("q1", "q1", PostKind.QUESTION, "c1", "alice", UP, "bob", T0))
                    .when(new CastVote("q1", "q1", UP, "bob", T1)), "You have already voted UP on this post.");
        }

        @Test
        void votesOnDifferentPostsAreIndependent() {
            fixture.given(asked(), answered("a1", "chen"), new VoteCast("q1", "q1", PostKind.QUESTION, "c1", "alice", UP, "bob", T0))
                    .when(new CastVote("q1", "a1", UP, "bob", T1))
                    .expectEvents(new VoteCast("q1", "a1", PostKind.ANSWER, "c1", "chen", UP, "bob", T1));
        }

        @Test
        void nobodyVotesOnTheirOwnQuestion() {
            rejected(fixture.given(asked()).when(new CastVote("q1", "q1", UP, "alice", T1)), "You cannot vote on your own post.");
        }

        @Test
        void nobodyVotesOnTheirOwnAnswer() {
            rejected(fixture.given(asked(), answered("a1", "bob")).when(new CastVote("q1", "a1", UP, "bob", T1)),
                    "You cannot vote on your own post.");
        }

        @Test
        void aVoteOnAnUnknownPostIsRefused() {
            rejected(fixture.given(asked()).when(new CastVote("q1", "a9", UP, "bob", T1)),
                    "There is no post with id a9 in this question.");
        }

        @Test
        void aVoteNeedsADirection() {
            rejected(fixture.given(asked()).when(new CastVote("q1", "q1", null, "bob", T1)), "A vote needs a direction, UP or DOWN.");
        }

        @Test
        void upvotingNeedsFifteenReputation() {
            fixture.given(asked())
                    .when(new CastVote("q1", "q1", UP, "newbie", T1))
                    .expectEvents(new VoteCast("q1", "q1", PostKind.QUESTION, "c1", "alice", UP, "newbie", T1));
        }

        @Test
        void downvotingNeedsMoreReputationThanANewcomerHas() {
            fixture.given(asked())
                    .when(new CastVote("q1", "q1", DOWN, "newbie", T1))
                    .expectException(CommandRejectedException.class)
                    .expectExceptionMessage("You need 125 reputation.")
                    .expectNoEvents();
        }

        @Test
        void aNonMemberCannotVote() {
            rejected(fixture.given(asked()).when(new CastVote("q1", "q1", UP, "eve", T1)),
                    "Only members of the community can do this: join it first.");
        }
    }

    @Nested
    class Accepting {

        @Test
        void theAskerAcceptsAnAnswer() {
            fixture.given(asked(), answered("a1", "bob"))
                    .when(new AcceptAnswer("q1", "a1", "alice", T1))
                    .expectEvents(new AnswerAccepted("q1", "a1", "c1", "bob", "alice", T1));
        }

        @Test
        void acceptingAnotherAnswerMovesTheAcceptance() {
            fixture.given(asked(), answered("a1", "bob"), answered("a2", "chen"), new AnswerAccepted("q1", "a1", "c1", "bob", "alice", T0))
                    .when(new AcceptAnswer("q1", "a2", "alice", T1))
                    .expectEvents(new AnswerAcceptanceWithdrawn("q1", "a1", "c1", "bob", "alice", T1),
                            new AnswerAccepted("q1", "a2", "c1", "chen", "alice", T1));
        }

        @Test
        void onlyTheAskerAccepts() {
            rejected(fixture.given(asked(), answered("a1", "bob")).when(new AcceptAnswer("q1", "a1", "chen", T1)),
                    "Only the member who asked the question can accept an answer.");
        }

        @Test
        void theAcceptedAnswerCannotBeAcceptedAgain() {
            rejected(fixture.given(asked(), answered("a1", "bob"), new AnswerAccepted("q1", "a1", "c1", "bob", "alice", T0))
                    .when(new AcceptAnswer("q1", "a1", "alice", T1)), "This answer is already the accepted one.");
        }

        @Test
        void anUnknownAnswerCannotBeAccepted() {
            rejected(fixture.given(asked()).when(new AcceptAnswer("q1", "a9", "alice", T1)),
                    "There is no answer with id a9 to this question.");
        }

        @Test
        void aWithdrawnAcceptanceCanBeGivenAgain() {
            fixture.given(asked(), answered("a1", "bob"), new AnswerAccepted("q1", "a1", "c1", "bob", "alice", T0),
                            new AnswerAcceptanceWithdrawn("q1", "a1", "c1", "bob", "alice", T0))
                    .when(new AcceptAnswer("q1", "a1", "alice", T1))
                    .expectEvents(new AnswerAccepted("q1", "a1", "c1", "bob", "alice", T1));
        }
    }

    @Nested
    class Endorsing {

        @Test
        void aMemberEndorsesAnAnswer() {
            fixture.given(asked(), answered("a1", "bob"))
                    .when(new EndorseAnswer("q1", "a1", " Verified in production ", "chen", T1))
                    .expectEvents(new AnswerEndorsed("q1", "a1", "c1", "bob", "Verified in production", "chen", T1));
        }

        @Test
        void nobodyEndorsesTheirOwnAnswer() {
            rejected(fixture.given(asked(), answered("a1", "bob")).when(new EndorseAnswer("q1", "a1", null, "bob", T1)),
                    "You cannot endorse your own answer.");
        }

        @Test
        void anAnswerIsEndorsedOncePerMember() {
            rejected(fixture.given(asked(), answered("a1", "bob"), new AnswerEndorsed("q1", "a1", "c1", "bob", null, "chen", T0))
                    .when(new EndorseAnswer("q1", "a1", null, "chen", T1)), "You have already endorsed this answer.");
        }

        @Test
        void aNonMemberCannotEndorse() {
            rejected(fixture.given(asked(), answered("a1", "bob")).when(new EndorseAnswer("q1", "a1", null, "eve", T1)),
                    "Only members of the community can do this: join it first.");
        }

        @Test
        void anUnknownAnswerCannotBeEndorsed() {
            rejected(fixture.given(asked()).when(new EndorseAnswer("q1", "a9", null, "chen", T1)),
                    "There is no answer with id a9 to this question.");
        }

        @Test
        void aMemberWhoIsNoExpertCannotEndorse() {
            rejected(fixture.given(asked(), answered("a1", "bob")).when(new EndorseAnswer("q1", "a1", null, "alice", T1)),
                    "Only moderators and experts in one of the question's tags [axon] can endorse answers.");
        }

        @Test
        void anOversizedNoteIsRefused() {
            rejected(fixture.given(asked(), answered("a1", "bob")).when(new EndorseAnswer("q1", "a1", "n".repeat(501), "chen", T1)),
                    "The note must have at most 500 characters (it has 501).");
        }
    }
}
