package dev.praxis.api.question;

import dev.praxis.api.shared.PraxisCommand;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Restore an earlier revision of the question or of one of its answers, as a new revision. */
public record RollbackPost(
        @TargetAggregateIdentifier String questionId,
        String postId,
        int revision,
        String actorId,
        Instant occurredAt) implements PraxisCommand {
}
