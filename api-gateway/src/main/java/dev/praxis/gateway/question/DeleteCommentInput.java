package dev.praxis.gateway.question;

import dev.praxis.gateway.client.MutationInput;

public record DeleteCommentInput(String commentId, String idempotencyKey, String clientMutationId) implements MutationInput {
}
