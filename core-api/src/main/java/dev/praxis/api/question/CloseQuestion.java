package dev.praxis.api.question;

import dev.praxis.api.shared.PraxisCommand;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Close a question to new answers, for a reason; a duplicate names the question it duplicates (same community). */
public record CloseQuestion(
        @TargetAggregateIdentifier String questionId,
        CloseReason reason,
        String duplicateOfQuestionId,
        String actorId,
        Instant occurredAt) implements PraxisCommand {
}
