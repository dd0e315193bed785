package dev.praxis.api.notification;

/**
 * A member's notification inbox is an aggregate of its own on the command side; its id is the
 * member's with a prefix, so that it never collides with the member's own event stream.
 */
public final class NotificationInboxIds {

    public static final String PREFIX = "inbox-";

    private NotificationInboxIds() {
    }

    public static String forMember(String memberId) {
        return PREFIX + memberId;
    }
}
