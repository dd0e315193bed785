package dev.praxis.api.community;

import dev.praxis.api.shared.PraxisEvent;
import java.time.Instant;

/** A moderator or owner invited someone to the community. */
public record MemberInvited(
        String communityId,
        String inviteeId,
        String actorId,
        Instant occurredAt) implements PraxisEvent {
}
