package dev.praxis.gateway.notification;

import dev.praxis.api.query.MemberView;
import dev.praxis.api.query.NotificationView;
import java.util.List;

public record MarkNotificationsReadPayload(MemberView viewer, List<NotificationView> notifications, long unreadCount,
                                           String clientMutationId) {
}
