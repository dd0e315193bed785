package dev.praxis.query.question;

import dev.praxis.api.query.AnswerView;
import dev.praxis.api.query.EndorsementView;
import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;

/** An answer in the {@code answers} collection, keyed by its id and fetched in batches by id. */
record AnswerDocument(
        @Id String id,
        String questionId,
        String communityId,
        String body,
        String authorId,
        Instant createdAt,
        int score,
        boolean accepted,
        List<Endorsement> endorsements,
        Integer revisionCount,
        Instant lastEditedAt,
        String lastEditorId,
        Boolean deleted) {

    static final String COLLECTION = "answers";

    record Endorsement(String memberId, String note, Instant endorsedAt) {
    }

    AnswerView view() {
        return new AnswerView(id, questionId, communityId, body, authorId, createdAt, score, accepted,
                endorsements == null ? List.of()
                        : endorsements.stream().map(e -> new EndorsementView(e.memberId(), e.note(), e.endorsedAt())).toList(),
                revisionCount == null ? 1 : revisionCount, lastEditedAt, lastEditorId, Boolean.TRUE.equals(deleted));
    }
}
