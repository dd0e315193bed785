package dev.praxis.gateway.question;

import dev.praxis.gateway.client.MutationInput;

public record EditCommentInput(String commentId, String body, String idempotencyKey, String clientMutationId) implements MutationInput {
}
