package dev.praxis.api.question;

import dev.praxis.api.shared.PraxisCommand;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Vouch for an answer as verified, with an optional note. */
public record EndorseAnswer(
        @TargetAggregateIdentifier String questionId,
        String answerId,
        String note,
        String actorId,
        Instant occurredAt) implements PraxisCommand {
}
