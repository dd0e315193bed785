package dev.praxis.api.community;

import dev.praxis.api.shared.PraxisCommand;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Found a community; the actor becomes its owner and first member. */
public record CreateCommunity(
        @TargetAggregateIdentifier String communityId,
        String name,
        String description,
        String actorId,
        String actorName,
        Instant occurredAt) implements PraxisCommand {
}
