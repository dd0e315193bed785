package dev.praxis.api.question;

import dev.praxis.api.shared.PraxisCommand;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The asker accepts one answer; accepting another one moves the acceptance. */
public record AcceptAnswer(
        @TargetAggregateIdentifier String questionId,
        String answerId,
        String actorId,
        Instant occurredAt) implements PraxisCommand {
}
