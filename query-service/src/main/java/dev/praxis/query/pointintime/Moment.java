package dev.praxis.query.pointintime;

import java.time.Instant;

/**
 * A moment of the record: the instant asked about and the global position it maps to, the last
 * event stored at or before that instant ({@code 0} when nothing had happened yet). A point-in-time
 * answer is what the read models showed once they had applied every event up to {@code position}.
 */
public record Moment(Instant asOf, long position) {
}
