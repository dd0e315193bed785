package dev.praxis.api.community;

import dev.praxis.api.shared.PraxisCommand;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The actor joins a community as a member, under the display name of their identity. */
public record JoinCommunity(
        @TargetAggregateIdentifier String communityId,
        String actorId,
        String actorName,
        Instant occurredAt) implements PraxisCommand {
}
