package dev.praxis.query.changes;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.junit.jupiter.api.Test;

/** The horizon holds subscribers below an open gap until it fills or its grace period ends. */
class ChangeHorizonTest {

    private static final Duration GRACE = Duration.ofSeconds(2);
    private static final Instant T = Instant.parse("2026-07-01T10:00:00Z");

    private final Map<Long, Instant> seen = new HashMap<>();

    @Test
    void withoutGapsTheHorizonIsTheLastPositionProcessed() {
        assertThat(ChangeHorizon.horizon(GapAwareTrackingToken.newInstance(41, List.of()), seen, T, GRACE)).isEqualTo(41);
    }

    @Test
    void aFreshGapHoldsTheHorizonJustBelowItUntilItFills() {
        GapAwareTrackingToken withGap = GapAwareTrackingToken.newInstance(45, List.of(43L, 44L));
        assertThat(ChangeHorizon.horizon(withGap, seen, T, GRACE)).isEqualTo(42);
        assertThat(ChangeHorizon.horizon(withGap, seen, T.plusMillis(1999), GRACE)).isEqualTo(42);

        GapAwareTrackingToken filled = GapAwareTrackingToken.newInstance(45, List.of(44L));
        assertThat(ChangeHorizon.horizon(filled, seen, T.plusMillis(1999), GRACE)).isEqualTo(43);
        assertThat(seen).containsOnlyKeys(44L);
    }

    @Test
    void aGapOlderThanTheGraceIsTakenForARolledBackWrite() {
        GapAwareTrackingToken withGap = GapAwareTrackingToken.newInstance(45, List.of(43L));
        assertThat(ChangeHorizon.horizon(withGap, seen, T, GRACE)).isEqualTo(42);
        assertThat(ChangeHorizon.horizon(withGap, seen, T.plus(GRACE), GRACE)).isEqualTo(45);
    }
}
