package dev.praxis.api.notification;

import dev.praxis.api.shared.PraxisCommand;
import java.time.Instant;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Mark some of a member's notifications read (1 to 100 ids). Only the member themselves may: the
 * gateway sends the signed-in member as both {@code memberId} and actor. Ids that are not the
 * member's notifications change nothing on the read side.
 */
public record MarkNotificationsRead(
        String memberId,
        List<String> notificationIds,
        String actorId,
        Instant occurredAt) implements PraxisCommand {

    @TargetAggregateIdentifier
    public String inboxId() {
        return NotificationInboxIds.forMember(memberId);
    }
}
