package dev.praxis.gateway.question;

import dev.praxis.gateway.client.MutationInput;

public record PostIdInput(String postId, String idempotencyKey, String clientMutationId) implements MutationInput {
}
