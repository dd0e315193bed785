package dev.praxis.api.article;

import dev.praxis.api.shared.PraxisCommand;
import java.time.Instant;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Publish a knowledge article in a community: a title, a Markdown body and up to five tags. */
public record PublishArticle(
        @TargetAggregateIdentifier String articleId,
        String communityId,
        String title,
        String body,
        List<String> tags,
        String actorId,
        Instant occurredAt) implements PraxisCommand {
}
