package dev.praxis.query.notification;

import dev.praxis.api.query.NotificationCountView;
import dev.praxis.api.query.NotificationView;
import dev.praxis.api.query.Page;
import dev.praxis.query.consistency.ReadConsistency;
import dev.praxis.query.shared.QueryRejectedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A member's notifications and unread count, to that member only ({@code viewer} must be the member). */
@RestController
public class NotificationQueries {

    private final NotificationPages pages;
    private final Notifications notifications;
    private final ReadConsistency consistency;

    public NotificationQueries(NotificationPages pages, Notifications notifications, ReadConsistency consistency) {
        this.pages = pages;
        this.notifications = notifications;
        this.consistency = consistency;
    }

    @GetMapping("/members/{memberId}/notifications")
    public Page<NotificationView> notifications(@PathVariable String memberId,
                                                @RequestParam(required = false) Integer first,
                                                @RequestParam(required = false) String after,
                                                @RequestParam(defaultValue = "false") boolean unreadOnly,
                                                @RequestParam(required = false) String viewer,
                                                @RequestParam(required = false) Long minPosition) {
        requireOwner(memberId, viewer);
        consistency.awaitPosition(minPosition);
        return pages.read(memberId, first, after, unreadOnly);
    }

    @GetMapping("/members/{memberId}/notifications/unread-count")
    public NotificationCountView unreadCount(@PathVariable String memberId,
                                             @RequestParam(required = false) String viewer,
                                             @RequestParam(required = false) Long minPosition) {
        requireOwner(memberId, viewer);
        consistency.awaitPosition(minPosition);
        return new NotificationCountView(memberId, notifications.unreadCount(memberId));
    }

    private static void requireOwner(String memberId, String viewer) {
        if (!memberId.equals(viewer)) {
            throw new QueryRejectedException(403, "FORBIDDEN", "NOT_YOUR_NOTIFICATIONS",
                    "Notifications are shown to their member only.");
        }
    }
}
