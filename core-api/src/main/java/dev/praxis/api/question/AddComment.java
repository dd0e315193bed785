package dev.praxis.api.question;

import dev.praxis.api.shared.PraxisCommand;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Comment on the question or on one of its answers (1..600 characters; {@code @memberId} mentions members). */
public record AddComment(
        @TargetAggregateIdentifier String questionId,
        String commentId,
        String postId,
        String body,
        String actorId,
        Instant occurredAt) implements PraxisCommand {
}
