package dev.praxis.api.community;

import dev.praxis.api.shared.PraxisEvent;
import java.time.Instant;

/** A moderator lifted a ban. */
public record MemberUnbanned(
        String communityId,
        String memberId,
        String actorId,
        Instant occurredAt) implements PraxisEvent {
}
