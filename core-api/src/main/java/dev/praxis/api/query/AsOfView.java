package dev.praxis.api.query;

import java.time.Instant;

/**
 * A read as of a moment of the record: {@code asOf} the instant asked about, {@code position} the
 * global position it maps to (the last event stored at or before it; 0 before the first), and
 * {@code value} what the read side showed once it had applied every event up to that position.
 */
public record AsOfView<T>(Instant asOf, long position, T value) {
}
