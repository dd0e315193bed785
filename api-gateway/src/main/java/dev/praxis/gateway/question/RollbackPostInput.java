package dev.praxis.gateway.question;

import dev.praxis.gateway.client.MutationInput;

public record RollbackPostInput(String postId, int revision, String idempotencyKey, String clientMutationId) implements MutationInput {
}
