package dev.praxis.api.question;

import dev.praxis.api.shared.PraxisCommand;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The asker withdraws the acceptance of the accepted answer. */
public record WithdrawAcceptance(
        @TargetAggregateIdentifier String questionId,
        String actorId,
        Instant occurredAt) implements PraxisCommand {
}
