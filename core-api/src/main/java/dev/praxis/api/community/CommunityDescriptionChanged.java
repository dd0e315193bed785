package dev.praxis.api.community;

import dev.praxis.api.shared.PraxisEvent;
import java.time.Instant;

/** An owner or moderator changed the description; null when cleared. */
public record CommunityDescriptionChanged(
        String communityId,
        String description,
        String actorId,
        Instant occurredAt) implements PraxisEvent {
}
