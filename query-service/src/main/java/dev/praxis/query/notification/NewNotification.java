package dev.praxis.query.notification;

import java.time.Instant;

/**
 * A notification to add, as a projection describes it to {@link Notifications#notify}.
 *
 * @param recipientId who receives it; nobody is notified of their own act ({@code actorId})
 * @param type        what happened, such as ANSWER or BADGE_AWARDED
 * @param subject     what it is about, unique for the type and recipient: the same subject notified
 *                    again (an answer accepted again) renews the one notification instead of adding another
 * @param position    the global position of the causing event; a renewal needs a later one
 */
public record NewNotification(
        String recipientId,
        String type,
        String subject,
        String communityId,
        String questionId,
        String postId,
        String actorId,
        String detail,
        Instant occurredAt,
        long position) {
}
