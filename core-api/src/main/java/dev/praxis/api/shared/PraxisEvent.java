package dev.praxis.api.shared;

import java.time.Instant;

/** Something that happened in a community: who did it ({@code actorId}) and when ({@code occurredAt}). */
public interface PraxisEvent {

    String actorId();

    Instant occurredAt();
}
