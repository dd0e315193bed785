package dev.praxis.api.tag;

import dev.praxis.api.shared.PraxisEvent;
import java.time.Instant;

/** A tag's description changed (null: cleared). */
public record TagDescriptionEdited(
        String tagId,
        String communityId,
        String name,
        String description,
        String actorId,
        Instant occurredAt) implements PraxisEvent {
}
