package dev.praxis.gateway.article;

import dev.praxis.gateway.client.MutationInput;
import java.util.List;

public record EditArticleInput(String articleId, String title, String body, List<String> tags, String comment, String idempotencyKey, String clientMutationId) implements MutationInput {
}
