package dev.praxis.api.article;

import dev.praxis.api.shared.PraxisEvent;
import java.time.Instant;
import java.util.List;

/** An article was published; {@code actorId} is its author. */
public record ArticlePublished(
        String articleId,
        String communityId,
        String title,
        String body,
        List<String> tags,
        String actorId,
        Instant occurredAt) implements PraxisEvent {
}
