package dev.praxis.query.eventstore;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.StreamableMessageSource;

/**
 * The event stream each tracking processor reads: the event store's, except that a processor at
 * the head of the store starts at most one batch per {@code linger}. When the store announces events
 * faster than that, a processor that has just handled a batch waits out the rest of the interval
 * for the next, and handles what arrived meanwhile as one batch.
 *
 * <p>Why: every batch costs each processor the same whatever its size: its token stored, its
 * delivery horizon raised, a bulk write per collection it writes, the unit of work. Since PostgreSQL
 * announces each commit ({@link NewEventAnnouncements}), a processor at the head wakes for every
 * commit, so how many events a batch holds depended on how the commits happened to bunch: the
 * faster the projections and the command side became, the smaller the batches and the more of
 * those costs each event paid (docs/performance.md measured 2.9 token writes per mutation at 32
 * writing clients against 1.7 before a change that only made commands cheaper). Bounding the
 * batches' rate per processor bounds that cost per second instead.
 *
 * <p>What it does not change: a processor that is idle or sees events further apart than
 * {@code linger} starts its batch the moment an event arrives, so a write at a community's usual pace
 * waits for nothing more; a processor whose last batch held a single event keeps up with the events
 * one by one (a client that waits for each of its writes to be readable, as a GraphQL mutation does,
 * writes one at a time) and starts the next at once too; and a processor whose last batch was full
 * (behind the head, a replay) starts its next one at once. Only a batch that follows one of several
 * events, not full, by less than {@code linger} is held back, by the rest of that interval: events
 * come faster than the processor's batches then, and waiting lets them share one.
 */
public final class LingeringEventSource implements StreamableMessageSource<TrackedEventMessage<?>> {

    private final StreamableMessageSource<TrackedEventMessage<?>> source;
    private final long lingerNanos;
    private final int fullBatch;
    private final LongSupplier nanoClock;
    private final Sleeper sleeper;

    /** How a stream waits out the rest of an interval (a test's clock moves instead). */
    @FunctionalInterface
    interface Sleeper {
        void sleep(long nanos) throws InterruptedException;
    }

    /** {@code fullBatch}: the processors' batch size; a processor that takes as many at once is behind. */
    public LingeringEventSource(StreamableMessageSource<TrackedEventMessage<?>> source, Duration linger, int fullBatch) {
        this(source, linger, fullBatch, System::nanoTime, TimeUnit.NANOSECONDS::sleep);
    }

    LingeringEventSource(StreamableMessageSource<TrackedEventMessage<?>> source, Duration linger, int fullBatch,
                         LongSupplier nanoClock, Sleeper sleeper) {
        if (linger.isNegative()) {
            throw new IllegalArgumentException("A batch's linger cannot be negative: " + linger);
        }
        this.source = source;
        this.lingerNanos = linger.toNanos();
        this.fullBatch = fullBatch;
        this.nanoClock = nanoClock;
        this.sleeper = sleeper;
    }

    @Override
    public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken trackingToken) {
        BlockingStream<TrackedEventMessage<?>> stream = source.openStream(trackingToken);
        return lingerNanos == 0 ? stream : new Lingering(stream);
    }

    @Override
    public TrackingToken createTailToken() {
        return source.createTailToken();
    }

    @Override
    public TrackingToken createHeadToken() {
        return source.createHeadToken();
    }

    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        return source.createTokenAt(dateTime);
    }

    @Override
    public TrackingToken createTokenSince(Duration duration) {
        return source.createTokenSince(duration);
    }

    /**
     * One processor's stream (a segment's worker reads it from one thread). A tracking processor asks
     * {@link #hasNextAvailable(int, TimeUnit)} with a timeout when it waits for the first event of a
     * batch, and without one ({@link #peek()}) while it fills the batch: only the first can linger.
     */
    private final class Lingering implements BlockingStream<TrackedEventMessage<?>> {

        private final BlockingStream<TrackedEventMessage<?>> stream;
        /** When the last batch began: when an event was there for a processor that asked for one. */
        private long lastStart;
        private boolean started;
        /** The events taken since: a full batch's worth means the processor is behind the head. */
        private int taken;

        private Lingering(BlockingStream<TrackedEventMessage<?>> stream) {
            this.stream = stream;
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
            if (timeout <= 0) {
                return stream.hasNextAvailable(timeout, unit); // a look while filling a batch
            }
            if (!stream.hasNextAvailable(timeout, unit)) {
                return false;
            }
            if (started && taken > 1 && taken < fullBatch) {
                // events came faster than the last batch took, and it was not full: let this one collect what follows
                long rest = lastStart + lingerNanos - nanoClock.getAsLong();
                if (rest > 0) {
                    sleeper.sleep(Math.min(rest, unit.toNanos(timeout)));
                }
            }
            lastStart = nanoClock.getAsLong();
            started = true;
            taken = 0;
            return true;
        }

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            return stream.peek();
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
            TrackedEventMessage<?> next = stream.nextAvailable();
            taken++;
            return next;
        }

        @Override
        public void close() {
            stream.close();
        }

        @Override
        public void skipMessagesWithPayloadTypeOf(TrackedEventMessage<?> ignoredMessage) {
            stream.skipMessagesWithPayloadTypeOf(ignoredMessage);
        }

        @Override
        public boolean setOnAvailableCallback(Runnable callback) {
            return stream.setOnAvailableCallback(callback);
        }
    }
}
