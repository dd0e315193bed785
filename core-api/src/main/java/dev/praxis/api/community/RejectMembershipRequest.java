package dev.praxis.api.community;

import dev.praxis.api.shared.PraxisCommand;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A moderator turns down a request to join, with an optional reason. */
public record RejectMembershipRequest(
        @TargetAggregateIdentifier String communityId,
        String memberId,
        String reason,
        String actorId,
        Instant occurredAt) implements PraxisCommand {
}
