package dev.praxis.gateway.article;

import dev.praxis.api.query.ArticleView;

public record ArticlePayload(ArticleView article, String clientMutationId) {
}
