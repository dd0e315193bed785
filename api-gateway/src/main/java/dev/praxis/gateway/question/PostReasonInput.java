package dev.praxis.gateway.question;

import dev.praxis.gateway.client.MutationInput;

public record PostReasonInput(String postId, String reason, String idempotencyKey, String clientMutationId) implements MutationInput {
}
