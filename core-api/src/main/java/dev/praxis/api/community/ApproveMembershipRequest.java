package dev.praxis.api.community;

import dev.praxis.api.shared.PraxisCommand;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A moderator admits a member who asked to join. */
public record ApproveMembershipRequest(
        @TargetAggregateIdentifier String communityId,
        String memberId,
        String actorId,
        Instant occurredAt) implements PraxisCommand {
}
