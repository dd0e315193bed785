package dev.praxis.api.flag;

import dev.praxis.api.shared.PraxisCommand;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Flag a question or an answer for the moderators; {@code text} is required for OTHER. */
public record FlagPost(
        String postId,
        FlagReason reason,
        String text,
        String actorId,
        Instant occurredAt) implements PraxisCommand {

    @TargetAggregateIdentifier
    public String flagId() {
        return FlagIds.forPost(postId);
    }
}
