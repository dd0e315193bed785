package dev.praxis.api.article;

import dev.praxis.api.shared.PraxisCommand;
import java.time.Instant;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Edit an article (its author, members with EDIT_OTHERS_POSTS, moderators), with an optional edit comment. */
public record EditArticle(
        @TargetAggregateIdentifier String articleId,
        String title,
        String body,
        List<String> tags,
        String comment,
        String actorId,
        Instant occurredAt) implements PraxisCommand {
}
