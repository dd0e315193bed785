package dev.praxis.api.community;

import dev.praxis.api.shared.PraxisCommand;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A moderator or owner invites someone; the invitee may then join even where joining is closed. */
public record InviteMember(
        @TargetAggregateIdentifier String communityId,
        String inviteeId,
        String actorId,
        Instant occurredAt) implements PraxisCommand {
}
