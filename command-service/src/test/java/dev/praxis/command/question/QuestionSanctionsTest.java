package dev.praxis.command.question;

import dev.praxis.api.community.MemberStatus;
import dev.praxis.api.question.AnswerPosted;
import dev.praxis.api.question.AskQuestion;
import dev.praxis.api.question.CastVote;
import dev.praxis.api.question.PostAnswer;
import dev.praxis.api.question.QuestionAsked;
import dev.praxis.api.question.VoteDirection;
import dev.praxis.api.shared.Rejection;
import dev.praxis.command.shared.CommandRejectedException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.ResultValidator;
import org.hamcrest.CustomTypeSafeMatcher;
import dev.praxis.command.tag.InMemoryTagDirectory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A suspended or banned member cannot write; a suspension that has ended no longer blocks. */
class QuestionSanctionsTest {

    private static final Instant T0 = Instant.parse("2026-02-01T08:00:00Z");
    private static final String TITLE = "How do I replay a single Axon projection?";
    private static final String BODY = "I have a *tracking* processor and want to rebuild it.";

    private AggregateTestFixture<Question> fixture;

    @BeforeEach
    void setUp() {
        // sanctions are judged at the command's time
        Instant future = T0.plus(1, ChronoUnit.DAYS);
        Instant past = T0.minus(1, ChronoUnit.DAYS);
        fixture = new AggregateTestFixture<>(Question.class);
        fixture.registerInjectableResource(new InMemoryCommunityDirectory()
                .withMember("c1", "alice").withMember("c1", "sam").withMember("c1", "bea").withMember("c1", "pat")
                .withBlock("c1", "sam", MemberStatus.SUSPENDED, future)
                .withBlock("c1", "bea", MemberStatus.BANNED, null)
                .withBlock("c1", "pat", MemberStatus.SUSPENDED, past));
        fixture.registerInjectableResource(new FixedPrivileges().with("sam", 1_000).with("pat", 1_000));
        fixture.registerInjectableResource(new InMemoryTagDirectory());
    }

    @Test
    void aSuspendedMemberCannotAsk() {
        refused(fixture.givenNoPriorActivity().when(new AskQuestion("q1", "c1", TITLE, BODY, List.of(), "sam", T0)), "SUSPENDED");
    }

    @Test
    void aBannedMemberCannotAsk() {
        refused(fixture.givenNoPriorActivity().when(new AskQuestion("q1", "c1", TITLE, BODY, List.of(), "bea", T0)), "BANNED");
    }

    @Test
    void aSuspendedMemberCannotAnswer() {
        refused(fixture.given(asked()).when(new PostAnswer("q1", "a1", "Reset its tokens.", "sam", T0)), "SUSPENDED");
    }

    @Test
    void aSuspendedMemberCannotVote() {
        refused(fixture.given(asked()).when(new CastVote("q1", "q1", VoteDirection.UP, "sam", T0)), "SUSPENDED");
    }

    @Test
    void aMemberWhoseSuspensionEndedWritesAgain() {
        fixture.given(asked()).when(new PostAnswer("q1", "a1", "Reset its tokens.", "pat", T0))
                .expectEvents(new AnswerPosted("q1", "a1", "c1", "Reset its tokens.", "pat", T0));
    }

    private static QuestionAsked asked() {
        return new QuestionAsked("q1", "c1", TITLE, BODY, List.of(), "alice", T0);
    }

    private static void refused(ResultValidator<Question> result, String code) {
        result.expectException(new CustomTypeSafeMatcher<CommandRejectedException>("FORBIDDEN / " + code) {
            @Override
            protected boolean matchesSafely(CommandRejectedException item) {
                return item.kind() == Rejection.FORBIDDEN && item.code().equals(code);
            }
        }).expectNoEvents();
    }
}
