package dev.praxis.query.knowledge;

import java.time.Duration;
import java.time.Instant;

/**
 * Exponential decay with a half-life {@code h}: work of age {@code a} counts {@code 2^(-a/h)} of its
 * weight. The read model stores per (community, topic, member) {@code S = sum(w_i * 2^((t_i - EPOCH)/h))},
 * which needs no update as time passes: {@code score(now) = S * 2^(-(now - EPOCH)/h)}. The factor is
 * the same for every member, so the experts of a topic are read from an index on {@code S}, and a
 * reversal subtracts the very term its cause added.
 *
 * <p>The stored terms depend on {@code h}: changing the half-life needs a replay of the
 * {@code knowledge} processing group.
 */
public record Decay(Duration halfLife) {

    /** The fixed origin of the stored terms; 2^((t - EPOCH)/h) stays far from overflow for centuries. */
    public static final Instant EPOCH = Instant.parse("2025-01-01T00:00:00Z");
    public static final Duration DEFAULT_HALF_LIFE = Duration.ofDays(180);

    public Decay {
        if (halfLife == null || halfLife.isNegative() || halfLife.isZero()) {
            throw new IllegalArgumentException("The half-life of expertise must be positive.");
        }
    }

    /** The term stored for work of {@code weight} at {@code at}. */
    public double term(double weight, Instant at) {
        return weight * Math.pow(2, halfLives(EPOCH, at));
    }

    /** The score now of a stored sum of terms. */
    public double scoreAt(double storedSum, Instant now) {
        return storedSum * Math.pow(2, -halfLives(EPOCH, now));
    }

    /** What work of {@code weight} at {@code at} counts at {@code now}. */
    public double contributionAt(double weight, Instant at, Instant now) {
        return weight * Math.pow(2, -halfLives(at, now));
    }

    private double halfLives(Instant from, Instant to) {
        return (double) Duration.between(from, to).toMillis() / halfLife.toMillis();
    }
}
