package dev.praxis.api.notification;

import dev.praxis.api.shared.PraxisCommand;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Mark read every notification of a member caused by an event at global position {@code upTo} or
 * before: what the member has seen. Notifications that arrive later stay unread.
 */
public record MarkAllNotificationsRead(
        String memberId,
        long upTo,
        String actorId,
        Instant occurredAt) implements PraxisCommand {

    @TargetAggregateIdentifier
    public String inboxId() {
        return NotificationInboxIds.forMember(memberId);
    }
}
