package dev.praxis.query.feed;

import java.time.Instant;

/**
 * The "hot" order of a community feed, after Reddit's ranking:
 *
 * <pre>hot = sign(v) * log10(max(|v|, 1)) + (createdAt - 2026-01-01T00:00Z) / 45000 s,   v = score + 2 * answers</pre>
 *
 * <p>Votes and answers count on a logarithmic scale (the first ten weigh as much as the next
 * ninety), and every 12.5 hours of age weigh as much as a factor of ten in votes and answers. The
 * age term depends on the creation time only, so the score decays relative to newer posts without
 * ever being rewritten as the clock runs: it is stored on the post, recomputed only when a vote or
 * an answer changes it, and read through an index (community, hot) like any other key.
 */
public final class HotScore {

    static final Instant EPOCH = Instant.parse("2026-01-01T00:00:00Z");
    static final double SECONDS_PER_DECADE = 45_000;

    private HotScore() {
    }

    public static double of(int score, int answerCount, Instant createdAt) {
        long v = score + 2L * answerCount;
        double order = Math.log10(Math.max(Math.abs(v), 1));
        double age = (createdAt.getEpochSecond() - EPOCH.getEpochSecond()) / SECONDS_PER_DECADE;
        // rounded to 7 decimals so that the stored value is the same whatever the order of the arithmetic
        return Math.round((Math.signum(v) * order + age) * 1e7) / 1e7;
    }
}
