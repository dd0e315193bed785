package dev.praxis.gateway.notification;

import dev.praxis.api.query.NotificationCountView;
import dev.praxis.api.query.NotificationView;
import dev.praxis.api.query.Page;
import dev.praxis.gateway.client.MinPosition;
import dev.praxis.gateway.client.QueryServiceClient;
import java.util.HashMap;
import java.util.Map;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/** The query service's notification reads, always as the member themselves ({@code viewer}). */
@Component
class NotificationClient {

    private static final ParameterizedTypeReference<Page<NotificationView>> PAGE = new ParameterizedTypeReference<>() {
    };

    private final RestClient rest;

    NotificationClient(QueryServiceClient queries) {
        this.rest = queries.rest();
    }

    Page<NotificationView> notifications(String memberId, int first, String after, boolean unreadOnly, MinPosition min) {
        Map<String, Object> variables = new HashMap<>(Map.of("id", memberId, "viewer", memberId));
        return rest.get()
                .uri(uri -> {
                    uri.path("/members/{id}/notifications").queryParam("viewer", "{viewer}")
                            .queryParam("first", first).queryParam("unreadOnly", unreadOnly);
                    if (after != null) {
                        uri.queryParam("after", "{after}");
                        variables.put("after", after);
                    }
                    if (min.isSet()) {
                        uri.queryParam("minPosition", min.value());
                    }
                    return uri.build(variables);
                })
                .retrieve()
                .body(PAGE);
    }

    long unreadCount(String memberId, MinPosition min) {
        NotificationCountView count = rest.get()
                .uri(uri -> {
                    uri.path("/members/{id}/notifications/unread-count").queryParam("viewer", "{viewer}");
                    if (min.isSet()) {
                        uri.queryParam("minPosition", min.value());
                    }
                    return uri.build(Map.of("id", memberId, "viewer", memberId));
                })
                .retrieve()
                .body(NotificationCountView.class);
        return count == null ? 0 : count.unreadCount();
    }

    /** The position every projection has reached: what the member can have seen so far. */
    long position() {
        Map<?, ?> answer = rest.get().uri("/position").retrieve().body(Map.class);
        Object position = answer == null ? null : answer.get("position");
        return position instanceof Number number ? number.longValue() : -1;
    }
}
