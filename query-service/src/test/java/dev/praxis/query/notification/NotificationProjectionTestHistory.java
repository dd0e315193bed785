package dev.praxis.query.notification;

import java.util.List;

/** The notification tests' history, for the rebuild test of the feed package. */
public final class NotificationProjectionTestHistory {

    private NotificationProjectionTestHistory() {
    }

    public static List<Object> events() {
        return NotificationProjectionTest.history();
    }
}
