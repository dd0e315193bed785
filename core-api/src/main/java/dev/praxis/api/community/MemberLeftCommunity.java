package dev.praxis.api.community;

import dev.praxis.api.shared.PraxisEvent;
import java.time.Instant;

/** A member left the community (actorId = memberId). */
public record MemberLeftCommunity(
        String communityId,
        String memberId,
        String actorId,
        Instant occurredAt) implements PraxisEvent {
}
