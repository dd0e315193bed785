package dev.praxis.api.question;

import dev.praxis.api.shared.PraxisCommand;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Lock a question (moderators): no answers, comments, votes or edits until it is unlocked. */
public record LockQuestion(
        @TargetAggregateIdentifier String questionId,
        String reason,
        String actorId,
        Instant occurredAt) implements PraxisCommand {
}
