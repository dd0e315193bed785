package dev.praxis.api.question;

import dev.praxis.api.shared.PraxisCommand;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Delete a comment (its author or a moderator). */
public record DeleteComment(
        @TargetAggregateIdentifier String questionId,
        String commentId,
        String actorId,
        Instant occurredAt) implements PraxisCommand {
}
