package dev.praxis.api.query;

/** How many unread notifications a member has. */
public record NotificationCountView(String memberId, long unreadCount) {
}
