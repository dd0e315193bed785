package dev.praxis.api.tag;

import dev.praxis.api.shared.PraxisEvent;
import java.time.Instant;

/** {@code synonym} now maps to the tag {@code name} (its master). */
public record TagSynonymAdded(
        String tagId,
        String communityId,
        String name,
        String synonym,
        String actorId,
        Instant occurredAt) implements PraxisEvent {
}
