package dev.praxis.query.question;

import dev.praxis.api.query.QuestionView;
import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;

/** A question in the {@code questions} collection, keyed by its id; its answers live in {@code answers}. */
record QuestionDocument(
        @Id String id,
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
        List<String> deletedAnswerIds,
        Integer revisionCount,
        Instant lastEditedAt,
        String lastEditorId,
        Boolean deleted,
        Boolean locked,
        Boolean closed,
        String closeReason,
        String duplicateOfQuestionId) {

    static final String COLLECTION = "questions";

    QuestionView view() {
        List<String> hidden = deletedAnswerIds == null ? List.of() : deletedAnswerIds;
        List<String> visible = answerIds == null ? List.of() : answerIds.stream().filter(a -> !hidden.contains(a)).toList();
        return new QuestionView(id, communityId, title, body, tags == null ? List.of() : tags, authorId, createdAt,
                lastActivityAt, score, Math.max(0, answerCount - hidden.size()), acceptedAnswerId, visible,
                revisionCount == null ? 1 : revisionCount, lastEditedAt, lastEditorId, Boolean.TRUE.equals(deleted), Boolean.TRUE.equals(locked), Boolean.TRUE.equals(closed),
                closeReason, duplicateOfQuestionId);
    }
}
