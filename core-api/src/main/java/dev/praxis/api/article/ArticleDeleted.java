package dev.praxis.api.article;

import dev.praxis.api.shared.PraxisEvent;
import java.time.Instant;

/** An article was deleted (hidden; its events stay). */
public record ArticleDeleted(
        String articleId,
        String communityId,
        String articleAuthorId,
        String reason,
        String actorId,
        Instant occurredAt) implements PraxisEvent {
}
