package dev.praxis.gateway.article;

import dev.praxis.gateway.client.MutationInput;
import java.util.List;

public record PublishArticleInput(String communityId, String title, String body, List<String> tags, String idempotencyKey, String clientMutationId) implements MutationInput {
}
