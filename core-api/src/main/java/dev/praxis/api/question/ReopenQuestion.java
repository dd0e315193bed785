package dev.praxis.api.question;

import dev.praxis.api.shared.PraxisCommand;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Reopen a closed question. */
public record ReopenQuestion(
        @TargetAggregateIdentifier String questionId,
        String actorId,
        Instant occurredAt) implements PraxisCommand {
}
