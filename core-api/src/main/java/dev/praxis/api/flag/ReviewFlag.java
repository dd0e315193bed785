package dev.praxis.api.flag;

import dev.praxis.api.shared.PraxisCommand;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A moderator decides on the open flags of a post. */
public record ReviewFlag(
        String postId,
        FlagDecision decision,
        String note,
        String actorId,
        Instant occurredAt) implements PraxisCommand {

    @TargetAggregateIdentifier
    public String flagId() {
        return FlagIds.forPost(postId);
    }
}
