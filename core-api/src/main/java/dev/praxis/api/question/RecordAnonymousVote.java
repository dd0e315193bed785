package dev.praxis.api.question;

import dev.praxis.api.shared.PraxisCommand;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Record a historical vote whose voter is unknown (a Stack Exchange data dump hides most voters) on
 * a post of a question's thread. Only the importer sends it: the command service refuses it unless
 * the command is marked as imported, which the public command API never does. {@code actorId} is
 * the member who runs the import, not the voter.
 */
public record RecordAnonymousVote(
        @TargetAggregateIdentifier String questionId,
        String postId,
        VoteDirection direction,
        String actorId,
        Instant occurredAt) implements PraxisCommand {
}
