package dev.praxis.query.eventstore;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.LongSupplier;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;

/**
 * Axon's JDBC event storage engine, except that it does not read the store again when the store's
 * announcements ({@link AnnouncedHead}) show that the read could not find anything new.
 *
 * <p>Why: the event store's fetching thread, woken by an announcement, reads the new events, then
 * reads once more from where they ended (an empty read and Axon's look for events beyond a gap,
 * {@code min(global_index)}), and then, since it found data, loops and does both again before it
 * waits: five statements for every commit at the head of the store, about a third of what
 * PostgreSQL ran per command at 200 commands/s (docs/performance.md). Four of them answer a question
 * the announcements already answer.
 *
 * <p>The rule: a read from the token where the last read ended finds nothing when no announcement
 * was heard since that last read started and that read reached the highest index announced by
 * then (or found nothing at all). Every event committed before that read's snapshot was either
 * announced before it started (so at or below that index, and returned by it or before it) or is
 * announced after, which changes the count. An event committed later is announced after its
 * commit, and the announcement wakes the fetching thread, which then reads. So a skipped read
 * delays nothing, as long as announcements arrive: while the listener does not listen, every read
 * goes to the store, and an answer older than {@code trust} is not used either, so that the poll
 * that covers a lost announcement still reads.
 */
final class AnnouncedHeadEventStorageEngine extends JdbcEventStorageEngine {

    private final AnnouncedHead head;
    private final long trustNanos;
    private final LongSupplier nanoClock;
    private volatile Answer last;

    /** What a read from {@code from} found at the count {@code heard}: up to {@code reached}, which it ended at. */
    private record Answer(TrackingToken endedAt, long heard, long reached, long readAt) {

        boolean nothingNewAfter(TrackingToken from, AnnouncedHead.Heard now, long nanos, long trustNanos) {
            return Objects.equals(endedAt, from) && heard == now.count() && reached >= now.highest()
                    && nanos - readAt < trustNanos;
        }
    }

    AnnouncedHeadEventStorageEngine(Builder builder, AnnouncedHead head, Duration trust) {
        this(builder, head, trust, System::nanoTime);
    }

    AnnouncedHeadEventStorageEngine(Builder builder, AnnouncedHead head, Duration trust, LongSupplier nanoClock) {
        super(builder);
        this.head = head;
        this.trustNanos = trust.toNanos();
        this.nanoClock = nanoClock;
    }

    @Override
    protected List<? extends TrackedEventData<?>> fetchTrackedEvents(TrackingToken lastToken, int batchSize) {
        AnnouncedHead.Heard before = head.heard();
        long now = nanoClock.getAsLong();
        Answer answer = last;
        if (answer != null && head.listening() && answer.nothingNewAfter(lastToken, before, now, trustNanos)) {
            return List.of();
        }
        List<? extends TrackedEventData<?>> events = super.fetchTrackedEvents(lastToken, batchSize);
        if (events.isEmpty()) {
            // nothing after lastToken: it stands until the next announcement, whatever index that names
            last = new Answer(lastToken, before.count(), AnnouncedHead.UNKNOWN, now);
            head.confirmHead(before, position(lastToken));
        } else {
            TrackingToken endedAt = events.get(events.size() - 1).trackingToken();
            last = new Answer(endedAt, before.count(), position(endedAt), now);
        }
        return events;
    }

    private static long position(TrackingToken token) {
        return token == null ? -1 : token.position().orElse(-1);
    }
}
