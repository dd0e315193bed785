package dev.praxis.api.community;

import dev.praxis.api.shared.PraxisEvent;
import java.time.Instant;

/** A moderator approved a request to join; a MemberJoinedCommunity follows. */
public record MembershipRequestApproved(
        String communityId,
        String memberId,
        String actorId,
        Instant occurredAt) implements PraxisEvent {
}
