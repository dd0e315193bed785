package dev.praxis.api.query;

import java.time.Instant;

/**
 * A notification of one member ({@code recipientId}): what happened ({@code type}), who did it
 * ({@code actorId}), on which post, whether the member has read it, and the global position of the
 * event that caused it (a subscription can resume from there).
 */
public record NotificationView(
        String id,
        String recipientId,
        String type,
        String communityId,
        String questionId,
        String postId,
        String actorId,
        String detail,
        boolean read,
        Instant occurredAt,
        long position,
        String cursor) {
}
