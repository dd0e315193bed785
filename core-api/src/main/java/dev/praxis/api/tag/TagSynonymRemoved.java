package dev.praxis.api.tag;

import dev.praxis.api.shared.PraxisEvent;
import java.time.Instant;

/** {@code synonym} no longer maps to the tag {@code name}. */
public record TagSynonymRemoved(
        String tagId,
        String communityId,
        String name,
        String synonym,
        String actorId,
        Instant occurredAt) implements PraxisEvent {
}
