package dev.praxis.api.member;

import dev.praxis.api.shared.PraxisEvent;
import java.time.Instant;

/** A member now follows a tag of a community. */
public record TagFollowed(
        String memberId,
        String communityId,
        String tag,
        String actorId,
        Instant occurredAt) implements PraxisEvent {
}
