package dev.praxis.api.community;

import dev.praxis.api.shared.PraxisCommand;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The actor leaves the community; an owner cannot leave while the only owner. */
public record LeaveCommunity(
        @TargetAggregateIdentifier String communityId,
        String actorId,
        Instant occurredAt) implements PraxisCommand {
}
