package dev.praxis.api.community;

import dev.praxis.api.shared.PraxisCommand;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A moderator lifts a ban; the former member may join again by the community's rules. */
public record UnbanMember(
        @TargetAggregateIdentifier String communityId,
        String memberId,
        String actorId,
        Instant occurredAt) implements PraxisCommand {
}
