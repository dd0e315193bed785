package dev.praxis.gateway.subscription;

import dev.praxis.api.query.ChangeView;
import java.time.Instant;

/** An event of {@code notificationReceived}: a notification just arrived for the viewer. */
record NotificationReceived(String cursor, String type, Instant occurredAt, long position, String communityId,
        String questionId, String actorId, String notificationId) {

    static NotificationReceived of(ChangeView change) {
        return new NotificationReceived(ChangeCursor.encode(change.position()), change.kind(), change.occurredAt(),
                change.position(), change.communityId(), change.questionId(), change.actorId(), change.subjectId());
    }
}
