package dev.praxis.api.question;

import dev.praxis.api.shared.PraxisCommand;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Answer a question; the answer lives inside the question's aggregate. */
public record PostAnswer(
        @TargetAggregateIdentifier String questionId,
        String answerId,
        String body,
        String actorId,
        Instant occurredAt) implements PraxisCommand {
}
