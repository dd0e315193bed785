package dev.praxis.gateway.pointintime;

import java.time.Instant;

/**
 * The {@code PointInTime} of the schema: the instant a point-in-time answer was asked for and the
 * global position of the event stream it maps to (a decimal number, as other positions in the API).
 */
public record Moment(Instant asOf, String position) {

    static Moment of(Instant asOf, long position) {
        return new Moment(asOf, Long.toString(position));
    }
}
