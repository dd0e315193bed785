package dev.praxis.command.flag;

import static org.assertj.core.api.Assertions.assertThat;

import dev.praxis.api.flag.FlagDecision;
import dev.praxis.api.flag.FlagReviewed;
import dev.praxis.api.question.DeleteComment;
import dev.praxis.api.question.DeletePost;
import dev.praxis.api.question.LockQuestion;
import dev.praxis.api.question.PostKind;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a moderator's review sends to carry itself out. */
class FlagDecisionsTest {

    private static final Instant T = Instant.parse("2026-07-01T10:00:00Z");

    private static FlagReviewed review(PostKind kind, String postId, FlagDecision decision) {
        return new FlagReviewed(postId, kind, "q1", "c1", "bob", decision, "Rude", List.of("alice"), "mod", T);
    }

    @Test
    void deletingAFlaggedCommentDeletesTheComment() {
        assertThat(FlagDecisions.commandFor(review(PostKind.COMMENT, "k1", FlagDecision.DELETE)))
                .contains(new DeleteComment("q1", "k1", "mod", T));
    }

    @Test
    void deletingAFlaggedAnswerDeletesThePost() {
        assertThat(FlagDecisions.commandFor(review(PostKind.ANSWER, "a1", FlagDecision.DELETE)))
                .contains(new DeletePost("q1", "a1", "Rude", "mod", T));
    }

    @Test
    void lockingForAFlaggedCommentLocksItsQuestion() {
        assertThat(FlagDecisions.commandFor(review(PostKind.COMMENT, "k1", FlagDecision.LOCK)))
                .contains(new LockQuestion("q1", "Rude", "mod", T));
    }

    @Test
    void dismissingSendsNothing() {
        assertThat(FlagDecisions.commandFor(review(PostKind.QUESTION, "q1", FlagDecision.DISMISS))).isEmpty();
    }
}
