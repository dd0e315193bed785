package dev.praxis.api.question;

import dev.praxis.api.shared.PraxisCommand;
import java.time.Instant;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Ask a question in a community: a title, a Markdown body and up to five tags. */
public record AskQuestion(
        @TargetAggregateIdentifier String questionId,
        String communityId,
        String title,
        String body,
        List<String> tags,
        String actorId,
        Instant occurredAt) implements PraxisCommand {
}
