package dev.praxis.command.notification;

import static dev.praxis.command.shared.CommandRejectedException.forbidden;
import static dev.praxis.command.shared.CommandRejectedException.invalid;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import dev.praxis.api.notification.AllNotificationsRead;
import dev.praxis.api.notification.MarkAllNotificationsRead;
import dev.praxis.api.notification.MarkNotificationsRead;
import dev.praxis.api.notification.NotificationInboxIds;
import dev.praxis.api.notification.NotificationsRead;
import dev.praxis.command.shared.InputRules;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A member's notification inbox, as far as the command side needs it. The notifications themselves
 * live on the query side (they are derived from other events); reading them is the member's own
 * act, so it is a command with an event that a rebuild replays.
 *
 * <p>An aggregate rather than a stateless handler because one rule needs state: "mark all read"
 * only moves forward. A second "mark all read up to P" with P at or below the position already
 * read writes nothing, so a retried or stale request cannot pile up events; and the commands of
 * one member are serialised on one small stream, never contending with the member's profile.
 */
@Aggregate(snapshotTriggerDefinition = "snapshotTrigger")
public class NotificationInbox {

    static final int MAX_IDS = 100;

    @AggregateIdentifier
    private String inboxId;
    /** Every notification caused at this global position or before is read; -1 before the first "mark all". */
    private long readUpTo = -1;

    protected NotificationInbox() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(MarkNotificationsRead command) {
        requireOwner(command.memberId(), command.actorId());
        List<String> ids = command.notificationIds();
        if (ids == null || ids.isEmpty()) {
            throw invalid("MISSING_NOTIFICATION_IDS", "Name the notifications to mark read.");
        }
        Set<String> distinct = new LinkedHashSet<>();
        for (String id : ids) {
            InputRules.requireId(id, "notificationId");
            distinct.add(id);
        }
        if (distinct.size() > MAX_IDS) {
            throw invalid("TOO_MANY_NOTIFICATION_IDS", "Mark at most " + MAX_IDS + " notifications read at once.");
        }
        apply(new NotificationsRead(command.memberId(), List.copyOf(distinct), command.actorId(), command.occurredAt()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(MarkAllNotificationsRead command) {
        requireOwner(command.memberId(), command.actorId());
        if (command.upTo() < 0) {
            throw invalid("INVALID_POSITION", "upTo is a global event position, 0 or more.");
        }
        if (inboxId != null && command.upTo() <= readUpTo) {
            return; // already read that far: nothing to record
        }
        apply(new AllNotificationsRead(command.memberId(), command.upTo(), command.actorId(), command.occurredAt()));
    }

    private static void requireOwner(String memberId, String actorId) {
        InputRules.requireId(memberId, "memberId");
        if (!memberId.equals(actorId)) {
            throw forbidden("NOT_YOUR_INBOX", "Only a member themselves may mark their notifications read.");
        }
    }

    @EventSourcingHandler
    void on(NotificationsRead event) {
        inboxId = NotificationInboxIds.forMember(event.memberId());
    }

    @EventSourcingHandler
    void on(AllNotificationsRead event) {
        inboxId = NotificationInboxIds.forMember(event.memberId());
        readUpTo = Math.max(readUpTo, event.upTo());
    }
}
