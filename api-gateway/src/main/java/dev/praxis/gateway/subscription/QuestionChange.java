package dev.praxis.gateway.subscription;

import dev.praxis.api.query.ChangeView;
import java.time.Instant;

/**
 * An event of {@code questionChanged}: the change, and the ids of what it is about (a comment, an
 * answer, or the question itself, as the change's subject tells).
 */
record QuestionChange(String cursor, String kind, Instant occurredAt, long position, String questionId,
        String answerId, String commentId, String actorId) {

    static QuestionChange of(ChangeView change) {
        String subject = change.subjectId();
        boolean aboutComment = change.kind().startsWith("COMMENT_");
        boolean aboutAnswer = !aboutComment && subject != null && !subject.equals(change.questionId());
        return new QuestionChange(ChangeCursor.encode(change.position()), change.kind(), change.occurredAt(),
                change.position(), change.questionId(), aboutAnswer ? subject : null, aboutComment ? subject : null,
                change.actorId());
    }
}
