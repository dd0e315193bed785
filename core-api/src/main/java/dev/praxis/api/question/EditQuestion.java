package dev.praxis.api.question;

import dev.praxis.api.shared.PraxisCommand;
import java.time.Instant;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Edit a question's title, body and tags (its author, members with EDIT_OTHERS_POSTS, moderators), with an optional edit comment. */
public record EditQuestion(
        @TargetAggregateIdentifier String questionId,
        String title,
        String body,
        List<String> tags,
        String comment,
        String actorId,
        Instant occurredAt) implements PraxisCommand {
}
