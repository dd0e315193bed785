package dev.praxis.api.community;

import dev.praxis.api.shared.PraxisCommand;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A moderator suspends a member from writing until a time in the future, for a reason. */
public record SuspendMember(
        @TargetAggregateIdentifier String communityId,
        String memberId,
        String reason,
        Instant until,
        String actorId,
        Instant occurredAt) implements PraxisCommand {
}
