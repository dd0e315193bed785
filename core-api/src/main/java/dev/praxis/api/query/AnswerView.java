package dev.praxis.api.query;

import java.time.Instant;
import java.util.List;

public record AnswerView(
        String id,
        String questionId,
        String communityId,
        String body,
        String authorId,
        Instant createdAt,
        int score,
        boolean accepted,
        List<EndorsementView> endorsements,
        int revisionCount,
        Instant lastEditedAt,
        String lastEditorId,
        boolean deleted) {
}
