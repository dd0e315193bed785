package dev.praxis.gateway.notification;

import dev.praxis.api.query.NotificationView;
import dev.praxis.gateway.relay.Edge;
import dev.praxis.gateway.relay.PageInfo;
import java.util.List;

/** A page of the viewer's notifications; {@code memberId} lets {@code unreadCount} be read only when asked for. */
record NotificationConnection(List<Edge<NotificationView>> edges, List<NotificationView> nodes, PageInfo pageInfo,
                              String memberId) {
}
