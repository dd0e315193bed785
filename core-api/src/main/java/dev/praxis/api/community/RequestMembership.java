package dev.praxis.api.community;

import dev.praxis.api.shared.PraxisCommand;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The actor asks to join a restricted or private community; moderators approve or reject. */
public record RequestMembership(
        @TargetAggregateIdentifier String communityId,
        String message,
        String actorName,
        String actorId,
        Instant occurredAt) implements PraxisCommand {
}
