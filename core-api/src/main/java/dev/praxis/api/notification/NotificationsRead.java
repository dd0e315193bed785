package dev.praxis.api.notification;

import dev.praxis.api.shared.PraxisEvent;
import java.time.Instant;
import java.util.List;

/** A member ({@code actorId}, the inbox's owner) read some of their notifications. */
public record NotificationsRead(
        String memberId,
        List<String> notificationIds,
        String actorId,
        Instant occurredAt) implements PraxisEvent {
}
