package dev.praxis.api.query;

import java.time.Instant;
import java.util.List;

/**
 * A question as the read side holds it; its answers are fetched by {@code answerIds} (deleted
 * answers left out). A deleted question stays readable by id with {@code deleted} true.
 */
public record QuestionView(
        String id,
        String communityId,
        String title,
        String body,
        List<String> tags,
        String authorId,
        Instant createdAt,
        Instant lastActivityAt,
        int score,
        int answerCount,
        String acceptedAnswerId,
        List<String> answerIds,
        int revisionCount,
        Instant lastEditedAt,
        String lastEditorId,
        boolean deleted,
        boolean locked,
        boolean closed,
        String closeReason,
        String duplicateOfQuestionId) {
}
