package dev.praxis.api.community;

import dev.praxis.api.shared.PraxisCommand;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A moderator bans someone from the community, for a reason, until a time or for good (until null); a banned member is removed and cannot rejoin. */
public record BanMember(
        @TargetAggregateIdentifier String communityId,
        String memberId,
        String reason,
        Instant until,
        String actorId,
        Instant occurredAt) implements PraxisCommand {
}
