package dev.praxis.api.community;

import dev.praxis.api.shared.PraxisEvent;
import java.time.Instant;

public record CommunityCreated(
        String communityId,
        String name,
        String description,
        String actorId,
        Instant occurredAt) implements PraxisEvent {
}
