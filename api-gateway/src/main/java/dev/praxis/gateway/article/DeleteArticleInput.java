package dev.praxis.gateway.article;

import dev.praxis.gateway.client.MutationInput;

public record DeleteArticleInput(String articleId, String reason, String idempotencyKey, String clientMutationId) implements MutationInput {
}
