package dev.praxis.gateway.notification;

import dev.praxis.gateway.client.MutationInput;

public record MarkAllNotificationsReadInput(String upTo, String idempotencyKey, String clientMutationId)
        implements MutationInput {
}
