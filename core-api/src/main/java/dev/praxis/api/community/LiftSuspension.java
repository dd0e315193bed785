package dev.praxis.api.community;

import dev.praxis.api.shared.PraxisCommand;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A moderator ends a member's suspension early. */
public record LiftSuspension(
        @TargetAggregateIdentifier String communityId,
        String memberId,
        String actorId,
        Instant occurredAt) implements PraxisCommand {
}
