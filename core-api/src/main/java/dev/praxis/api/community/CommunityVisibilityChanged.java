package dev.praxis.api.community;

import dev.praxis.api.shared.PraxisEvent;
import java.time.Instant;

/** The owner changed who may join and see the community. */
public record CommunityVisibilityChanged(
        String communityId,
        CommunityVisibility previousVisibility,
        CommunityVisibility visibility,
        String actorId,
        Instant occurredAt) implements PraxisEvent {
}
