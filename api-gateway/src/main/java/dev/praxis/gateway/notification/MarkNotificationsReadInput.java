package dev.praxis.gateway.notification;

import dev.praxis.gateway.client.MutationInput;
import java.util.List;

public record MarkNotificationsReadInput(List<String> notificationIds, String idempotencyKey, String clientMutationId)
        implements MutationInput {
}
