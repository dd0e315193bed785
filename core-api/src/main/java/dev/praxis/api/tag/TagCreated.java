package dev.praxis.api.tag;

import dev.praxis.api.shared.PraxisEvent;
import java.time.Instant;

/** A tag was created in a community. */
public record TagCreated(
        String tagId,
        String communityId,
        String name,
        String description,
        String actorId,
        Instant occurredAt) implements PraxisEvent {
}
