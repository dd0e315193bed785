package dev.praxis.gateway.subscription;

import dev.praxis.api.query.ChangeView;
import java.time.Instant;

/** An event of {@code communityActivity}: a new question, or a new answer to one of the community's questions. */
record CommunityActivity(String cursor, String kind, Instant occurredAt, long position, String questionId,
        String answerId, String actorId) {

    static CommunityActivity of(ChangeView change) {
        boolean answer = "ANSWER_POSTED".equals(change.kind());
        return new CommunityActivity(ChangeCursor.encode(change.position()), change.kind(), change.occurredAt(),
                change.position(), change.questionId(), answer ? change.subjectId() : null, change.actorId());
    }
}
