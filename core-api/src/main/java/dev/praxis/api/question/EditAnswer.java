package dev.praxis.api.question;

import dev.praxis.api.shared.PraxisCommand;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Edit an answer's body (its author, members with EDIT_OTHERS_POSTS, moderators), with an optional edit comment. */
public record EditAnswer(
        @TargetAggregateIdentifier String questionId,
        String answerId,
        String body,
        String comment,
        String actorId,
        Instant occurredAt) implements PraxisCommand {
}
