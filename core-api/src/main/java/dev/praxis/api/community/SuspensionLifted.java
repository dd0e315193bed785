package dev.praxis.api.community;

import dev.praxis.api.shared.PraxisEvent;
import java.time.Instant;

/** A moderator ended a member's suspension early. */
public record SuspensionLifted(
        String communityId,
        String memberId,
        String actorId,
        Instant occurredAt) implements PraxisEvent {
}
