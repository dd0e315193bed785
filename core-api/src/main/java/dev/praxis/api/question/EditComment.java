package dev.praxis.api.question;

import dev.praxis.api.shared.PraxisCommand;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Change a comment's text (its author). */
public record EditComment(
        @TargetAggregateIdentifier String questionId,
        String commentId,
        String body,
        String actorId,
        Instant occurredAt) implements PraxisCommand {
}
