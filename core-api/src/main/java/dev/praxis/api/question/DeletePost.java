package dev.praxis.api.question;

import dev.praxis.api.shared.PraxisCommand;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Delete a question or one of its answers (its author, or a moderator); the events stay, the post is hidden. */
public record DeletePost(
        @TargetAggregateIdentifier String questionId,
        String postId, String reason,
        String actorId,
        Instant occurredAt) implements PraxisCommand {
}
