package dev.praxis.api.question;

import dev.praxis.api.shared.PraxisCommand;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Unlock a locked question (moderators). */
public record UnlockQuestion(
        @TargetAggregateIdentifier String questionId,
        String reason,
        String actorId,
        Instant occurredAt) implements PraxisCommand {
}
