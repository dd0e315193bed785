package dev.praxis.api.question;

import dev.praxis.api.shared.PraxisCommand;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Take back one's vote on a post of the question's thread. */
public record RetractVote(
        @TargetAggregateIdentifier String questionId,
        String postId,
        String actorId,
        Instant occurredAt) implements PraxisCommand {
}
