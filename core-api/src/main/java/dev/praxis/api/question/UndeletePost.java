package dev.praxis.api.question;

import dev.praxis.api.shared.PraxisCommand;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Bring a deleted post back (a moderator, or its author when they deleted it). */
public record UndeletePost(
        @TargetAggregateIdentifier String questionId,
        String postId, String reason,
        String actorId,
        Instant occurredAt) implements PraxisCommand {
}
