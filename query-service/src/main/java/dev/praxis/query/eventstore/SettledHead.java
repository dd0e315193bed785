package dev.praxis.query.eventstore;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The highest global index up to which the event store can no longer change: every index at or below
 * it holds an event that is committed, or it is a gap that stays a gap (its transaction rolled back).
 * Events up to there may be read once and handed to every processor behind the head
 * ({@link SharedCatchUpSource}); above it an insert may still be in flight and only a fresh read of
 * the store sees it.
 *
 * <p>How it is known, from PostgreSQL's own bookkeeping rather than from event timestamps (an
 * imported event keeps its original time): a sample reads, in one statement and so one snapshot,
 * the highest index stored and the snapshot's {@code xmax} (the next transaction id). A gap at or
 * below that highest index belongs to an insert that took its index before the highest one was
 * taken and was not committed at the sample; it has a transaction id at the latest a moment later,
 * when the inserting statement writes its row. So a second sample taken {@code delay} later has an
 * {@code xmax} above it, and once the oldest running transaction ({@code xmin} of a later sample)
 * is at or above that {@code xmax}, the insert has ended: committed (its event is there) or rolled
 * back (its gap stays). The first sample's highest index is then settled. With short transactions
 * the bound trails the head by about two sampling intervals; a long transaction anywhere in the
 * database server holds it back until it ends, which only means that fewer reads are shared.
 *
 * <p>The store is sampled only while some stream asks ({@link #bound()}), every {@code delay / 2}.
 * A PostgreSQL without {@code pg_current_snapshot()} (before 13) leaves the bound unknown: nothing
 * is shared and every processor reads the store itself, as Axon does.
 */
public final class SettledHead implements AutoCloseable {

    /** Nothing is known to be settled. */
    public static final long UNKNOWN = -1;

    private static final Logger log = LoggerFactory.getLogger(SettledHead.class);
    private static final String SAMPLE = "SELECT (SELECT max(global_index) FROM domain_event_entry), "
            + "pg_snapshot_xmin(s)::text, pg_snapshot_xmax(s)::text FROM pg_current_snapshot() AS s";
    private static final int MAX_SAMPLES = 256;
    private static final long IDLE_NANOS = TimeUnit.SECONDS.toNanos(5);

    private record Sample(long nanos, long head, long xmax) {
    }

    private final DataSource dataSource;
    private final long delayNanos;
    private final ScheduledExecutorService sampler;
    private final Deque<Sample> samples = new ArrayDeque<>();
    private volatile long bound = UNKNOWN;
    private volatile long askedAt = System.nanoTime() - IDLE_NANOS;
    private volatile boolean unsupported;

    public SettledHead(DataSource dataSource, Duration delay) {
        if (delay.isNegative() || delay.isZero()) {
            throw new IllegalArgumentException("The settle delay must be positive: " + delay);
        }
        this.dataSource = dataSource;
        this.delayNanos = delay.toNanos();
        this.sampler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "settled-head");
            thread.setDaemon(true);
            return thread;
        });
        long interval = Math.max(1, delay.toMillis() / 2);
        sampler.scheduleWithFixedDelay(this::sampleIfAsked, 0, interval, TimeUnit.MILLISECONDS);
    }

    /** The settled bound as last computed ({@link #UNKNOWN} at first); asking keeps the sampling going. */
    public long bound() {
        askedAt = System.nanoTime();
        return bound;
    }

    private void sampleIfAsked() {
        if (unsupported || System.nanoTime() - askedAt > IDLE_NANOS) {
            return;
        }
        try {
            sample();
        } catch (SQLException e) {
            if ("42883".equals(e.getSQLState())) { // undefined function: PostgreSQL before 13
                unsupported = true;
                log.warn("The event store's PostgreSQL has no pg_current_snapshot(): processors behind the head "
                        + "read the store each for itself");
            } else {
                log.debug("Sampling the event store's settled head failed; trying again", e);
            }
        } catch (RuntimeException e) {
            log.debug("Sampling the event store's settled head failed; trying again", e);
        }
    }

    /** One sample, and the bound it settles. Package-private: tests sample on their own schedule. */
    void sample() throws SQLException {
        long head;
        long xmin;
        long xmax;
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery(SAMPLE)) {
            row.next();
            head = row.getLong(1);
            if (row.wasNull()) {
                head = UNKNOWN;
            }
            xmin = Long.parseLong(row.getString(2));
            xmax = Long.parseLong(row.getString(3));
        }
        settle(new Sample(System.nanoTime(), head, xmax), xmin);
    }

    private synchronized void settle(Sample latest, long xmin) {
        samples.addLast(latest);
        long settled = bound;
        // a sample is settled by the first one taken at least `delay` after it, once every transaction
        // that one saw running or about to start (below its xmax) has ended
        Iterator<Sample> earlier = samples.iterator();
        while (earlier.hasNext()) {
            Sample sample = earlier.next();
            Sample witness = firstAfter(sample.nanos() + delayNanos);
            if (witness == null || xmin < witness.xmax()) {
                break; // later samples are not settled either: their witnesses come later still
            }
            settled = Math.max(settled, sample.head());
            earlier.remove();
        }
        while (samples.size() > MAX_SAMPLES) {
            samples.removeFirst(); // a long transaction holds the bound; keep the newest samples
        }
        bound = settled;
    }

    private Sample firstAfter(long nanos) {
        for (Sample sample : samples) {
            if (sample.nanos() >= nanos) {
                return sample;
            }
        }
        return null;
    }

    @Override
    public void close() {
        sampler.shutdownNow();
    }
}
