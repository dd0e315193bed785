package dev.praxis.api.notification;

import dev.praxis.api.shared.PraxisEvent;
import java.time.Instant;

/**
 * A member ({@code actorId}, the inbox's owner) read every notification caused by an event at
 * global position {@code upTo} or before.
 */
public record AllNotificationsRead(
        String memberId,
        long upTo,
        String actorId,
        Instant occurredAt) implements PraxisEvent {
}
