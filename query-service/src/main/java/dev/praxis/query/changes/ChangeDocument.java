package dev.praxis.query.changes;

import dev.praxis.api.query.ChangeView;
import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;

/**
 * One change in the {@code changes} collection, keyed by the global position of its event, with the
 * topics it is published on ({@code question:<id>}, {@code community:<id>}).
 */
record ChangeDocument(
        @Id long position,
        List<String> topics,
        String kind,
        String communityId,
        String questionId,
        String subjectId,
        String actorId,
        Instant occurredAt) {

    static final String COLLECTION = "changes";

    ChangeView view() {
        return new ChangeView(position, kind, communityId, questionId, subjectId, actorId, occurredAt);
    }
}
