package dev.praxis.gateway.question;

import dev.praxis.gateway.client.MutationInput;

public record AddCommentInput(String postId, String body, String idempotencyKey, String clientMutationId) implements MutationInput {
}
