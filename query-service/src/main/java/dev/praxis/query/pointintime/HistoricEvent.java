package dev.praxis.query.pointintime;

import java.time.Instant;

/** One stored event as the point-in-time folds read it: its global position, when it was stored, its payload. */
public record HistoricEvent(long position, String eventId, String aggregateId, Instant storedAt, Object payload) {
}
