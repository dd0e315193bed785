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
        List<String> answerIds) {

    static final String COLLECTION = "questions";

    QuestionView view() {
        return new QuestionView(id, communityId, title, body, tags == null ? List.of() : tags, authorId, createdAt,
                lastActivityAt, score, answerCount, acceptedAnswerId, answerIds == null ? List.of() : answerIds);
    }
}
