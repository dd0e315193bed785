package dev.praxis.api.member;

import dev.praxis.api.shared.PraxisEvent;
import java.time.Instant;

/** A member no longer follows a tag of a community. */
public record TagUnfollowed(
        String memberId,
        String communityId,
        String tag,
        String actorId,
        Instant occurredAt) implements PraxisEvent {
}
