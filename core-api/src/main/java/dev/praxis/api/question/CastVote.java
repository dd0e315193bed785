package dev.praxis.api.question;

import dev.praxis.api.shared.PraxisCommand;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Vote on a post of a question's thread: {@code postId} is the question's own id or one of its
 * answers' ids.
 */
public record CastVote(
        @TargetAggregateIdentifier String questionId,
        String postId,
        VoteDirection direction,
        String actorId,
        Instant occurredAt) implements PraxisCommand {
}
