package dev.praxis.api.query;

import java.time.Instant;
import java.util.List;

/**
 * A blue/green replay of read models: which projections it rebuilds, in which generation, and how far
 * it has come. Positions are the event store's global positions; {@code eventsDone} and
 * {@code eventsTotal} count positions from the first event to the store's head (a position left by a
 * rolled-back write counts too). {@code eventsPerSecond} is the recent rate, {@code secondsLeft} the
 * estimate at that rate (null while unknown).
 *
 * @param state {@code BUILDING} (the old read models answer queries), {@code SWITCHING} (caught up,
 *     switching over), {@code DONE} (the new read models are live) or {@code FAILED} (the old ones stay live)
 */
public record ReplayView(String id, List<String> projections, String state, int generation, long startPosition,
                         long position, long headPosition, long eventsDone, long eventsTotal, double eventsPerSecond,
                         Long secondsLeft, Instant startedAt, Instant switchedAt, String message) {
}
