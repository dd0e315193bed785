package dev.praxis.api.question;

import dev.praxis.api.shared.PraxisCommand;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Withdraw one's endorsement of an answer. */
public record WithdrawAnswerEndorsement(
        @TargetAggregateIdentifier String questionId,
        String answerId,
        String actorId,
        Instant occurredAt) implements PraxisCommand {
}
