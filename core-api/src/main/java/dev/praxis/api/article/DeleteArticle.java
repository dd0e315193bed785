package dev.praxis.api.article;

import dev.praxis.api.shared.PraxisCommand;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Delete an article (its author or a moderator). */
public record DeleteArticle(
        @TargetAggregateIdentifier String articleId,
        String reason,
        String actorId,
        Instant occurredAt) implements PraxisCommand {
}
