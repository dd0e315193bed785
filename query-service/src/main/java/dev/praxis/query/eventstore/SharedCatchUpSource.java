package dev.praxis.query.eventstore;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.messaging.StreamableMessageSource;

/**
 * The event stream of the tracking processors, read once for all of those that are behind the head.
 *
 * <p>Why: Axon's embedded event store shares what it reads only between processors near the head;
 * every processor further behind reads the event table through a stream of its own and deserializes
 * each event for itself. In a rebuild of all projections that is sixteen reads of the whole store,
 * and the processors that handle few events race through it and take the cores from the ones that
 * do the work (docs/performance.md, the {@code --full} attempts: 45% of the query service's samples
 * in the processors' reads). Here the settled part of the store ({@link SettledHead}: no insert can
 * still appear there) is read in pages of {@code pageEvents} events, each read once and handed, in
 * global order, to every processor that passes through it; a payload is deserialized once, by the
 * first handler that needs it. Above the settled bound, and for a processor whose token lies there,
 * the stream is the event store's own, which sees late commits into gaps as Axon does.
 *
 * <p>What each processor sees is what a read of its own would give: every event after its token and
 * every event that has filled one of its token's gaps since, in order, each once. Each event carries a
 * token of the processor's own: its index, and the token's gaps above it (none once past the token's
 * position; a gap at or below the settled bound never fills, so it need not be remembered).
 *
 * <p>Memory: at most about {@code cachedEvents} events are held. Processors move through the pages as
 * a convoy: a page is dropped once every processor reading pages has passed it, and one that is ahead
 * by a whole cache waits for the slowest that moved within {@code stall} instead of reading the store
 * again. The rebuild takes as long as its slowest projection anyway, and the others waiting leave it
 * the cores. A processor that stopped moving (stopped, failing and backing off) holds no one back:
 * its pages may go and it reads them again when it comes back.
 */
public final class SharedCatchUpSource implements StreamableMessageSource<TrackedEventMessage<?>> {

    private static final long LOOK_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final StreamableMessageSource<TrackedEventMessage<?>> live;
    private final EventStorageEngine storage;
    private final SettledHead settled;
    private final int pageEvents;
    private final int cachedEvents;
    private final int fullBatch;
    private final boolean enabled;
    private final long stallNanos;
    /** Pages by the index after which they start; guarded by itself, as are {@link #cached} and {@link #loading}. */
    private final TreeMap<Long, Page> pages = new TreeMap<>();
    private int cached;
    private boolean loading;
    private final Set<Shared> readers = ConcurrentHashMap.newKeySet();
    private final Counter served;
    private final Counter read;

    /** Events {@code (after, upTo]} of the settled store: all of them, in global order. */
    private record Page(long after, long upTo, List<TrackedEventMessage<?>> events) {

        /** The position in {@link #events} of the first event above {@code index}. */
        int firstAbove(long index) {
            int low = 0;
            int high = events.size();
            while (low < high) {
                int middle = (low + high) >>> 1;
                if (indexOf(events.get(middle)) <= index) {
                    low = middle + 1;
                } else {
                    high = middle;
                }
            }
            return low;
        }
    }

    public SharedCatchUpSource(StreamableMessageSource<TrackedEventMessage<?>> live, EventStorageEngine storage,
                               SettledHead settled, int pageEvents, int cachedEvents, int fullBatch, Duration stall,
                               boolean enabled, MeterRegistry meters) {
        if (pageEvents < 1 || cachedEvents < pageEvents) {
            throw new IllegalArgumentException("A page holds at least one event and the cache at least a page: "
                    + pageEvents + ", " + cachedEvents);
        }
        this.live = live;
        this.storage = storage;
        this.settled = settled;
        this.pageEvents = pageEvents;
        this.cachedEvents = cachedEvents;
        this.fullBatch = fullBatch;
        this.enabled = enabled;
        this.stallNanos = stall.toNanos();
        this.served = Counter.builder("praxis.query.catch-up.events")
                .description("Events handed to processors behind the head from the shared reads of the store")
                .register(meters);
        this.read = Counter.builder("praxis.query.catch-up.reads")
                .description("Events read from the store into the shared pages")
                .register(meters);
        Gauge.builder("praxis.query.catch-up.cached", this, SharedCatchUpSource::cachedEvents)
                .description("Events held in the shared pages")
                .register(meters);
    }

    @Override
    public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken token) {
        if (!enabled || token != null && !(token instanceof GapAwareTrackingToken)) {
            return live.openStream(token);
        }
        return new Shared((GapAwareTrackingToken) token);
    }

    @Override
    public TrackingToken createTailToken() {
        return live.createTailToken();
    }

    @Override
    public TrackingToken createHeadToken() {
        return live.createHeadToken();
    }

    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        return live.createTokenAt(dateTime);
    }

    @Override
    public TrackingToken createTokenSince(Duration duration) {
        return live.createTokenSince(duration);
    }

    /** Events held in pages now. */
    public int cachedEvents() {
        synchronized (pages) {
            return cached;
        }
    }

    /** Events read from the store into pages so far, and events handed out of them. */
    double eventsRead() {
        return read.count();
    }

    double eventsServed() {
        return served.count();
    }

    private static long indexOf(TrackedEventMessage<?> event) {
        return event.trackingToken().position().orElseThrow();
    }

    /**
     * The page holding the events right after {@code scanned}, read from the store when no page holds
     * them. {@code null} when there is nothing settled after it, when {@code reader} must wait for
     * slower ones and {@code waitNanos} passed.
     */
    private Page pageAfter(long scanned, Shared reader, long waitNanos) throws InterruptedException {
        long deadline = System.nanoTime() + waitNanos;
        long upTo;
        synchronized (pages) {
            while (true) {
                Map.Entry<Long, Page> floor = pages.floorEntry(scanned);
                if (floor != null && floor.getValue().upTo() > scanned) {
                    return floor.getValue();
                }
                long bound = settled.bound();
                if (scanned >= bound) {
                    return null;
                }
                long left = deadline - System.nanoTime();
                if (loading || (cached + pageEvents > cachedEvents && !makeRoom(reader, scanned))) {
                    if (left <= 0) {
                        return null;
                    }
                    pages.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
                    continue;
                }
                Map.Entry<Long, Page> next = pages.higherEntry(scanned);
                upTo = next == null ? bound : Math.min(bound, next.getKey());
                loading = true;
                break;
            }
        }
        Page page = null;
        try {
            page = read(scanned, upTo);
            return page;
        } finally {
            synchronized (pages) {
                loading = false;
                if (page != null && !page.events().isEmpty()) {
                    pages.put(page.after(), page);
                    cached += page.events().size();
                }
                pages.notifyAll();
            }
        }
    }

    /**
     * Drops the pages that every reader still moving has passed. Whether a page may be read now: when
     * there is room, or when no reader that moved lately is behind {@code scanned}: the slowest never
     * waits (the cache then holds a page more until it passes the lowest), the others wait for it.
     * Called with the lock held.
     */
    private boolean makeRoom(Shared reader, long scanned) {
        long now = System.nanoTime();
        long slowest = Long.MAX_VALUE;
        boolean behind = false;
        for (Shared other : readers) {
            if (now - other.movedAt > stallNanos) {
                continue; // stopped or failing: holds no page
            }
            slowest = Math.min(slowest, other.scanned);
            behind |= other != reader && other.scanned < scanned;
        }
        Iterator<Page> lowest = pages.values().iterator();
        while (lowest.hasNext() && cached + pageEvents > cachedEvents) {
            Page page = lowest.next();
            if (page.upTo() > slowest) {
                break;
            }
            lowest.remove();
            cached -= page.events().size();
        }
        return cached + pageEvents <= cachedEvents || !behind;
    }

    /**
     * A reader has passed a page, or left: the pages every reader has passed are dropped (when the last
     * reader leaves, all of them), and the readers that wait for room look again.
     */
    private void passed() {
        synchronized (pages) {
            long slowest = Long.MAX_VALUE;
            for (Shared reader : readers) {
                slowest = Math.min(slowest, reader.scanned);
            }
            Iterator<Page> lowest = pages.values().iterator();
            while (lowest.hasNext()) {
                Page page = lowest.next();
                if (page.upTo() > slowest) {
                    break;
                }
                lowest.remove();
                cached -= page.events().size();
            }
            pages.notifyAll();
        }
    }

    /**
     * Reads the events {@code (after, upTo]}, at most a page of them: a page ends between two indexes,
     * so that the events an upcaster makes of one stored event stay together. The page reader's
     * engine fetches a page and one event more in one statement, so the look at the next index
     * costs no other.
     */
    private Page read(long after, long upTo) {
        List<TrackedEventMessage<?>> events = new ArrayList<>((int) Math.min(upTo - after, pageEvents));
        long end = upTo;
        TrackingToken from = after < 0 ? null : GapAwareTrackingToken.newInstance(after, Collections.emptySet());
        try (Stream<? extends TrackedEventMessage<?>> stream = storage.readEvents(from, false)) {
            Iterator<? extends TrackedEventMessage<?>> iterator = stream.iterator();
            long last = after;
            while (iterator.hasNext()) {
                TrackedEventMessage<?> event = iterator.next();
                long index = indexOf(event);
                if (index > upTo) {
                    break;
                }
                if (events.size() >= pageEvents && index != last) {
                    end = last;
                    break;
                }
                events.add(event);
                last = index;
            }
        }
        read.increment(events.size());
        return new Page(after, end, List.copyOf(events));
    }

    /**
     * One processor's stream (one segment's worker reads it from its thread). It hands out events
     * from the shared pages while its position is below the settled bound, and the event store's own
     * stream from there. On the live stream, a processor whose batches come full is behind: it then
     * looks, at most once a second, whether it is far behind the settled bound, and goes back to the
     * pages if so (at start-up the bound is known only after the first samples).
     */
    private final class Shared implements BlockingStream<TrackedEventMessage<?>> {

        /** The token as it stood when the stream (re)started on pages: its index and its gaps. */
        private long index;
        private SortedSet<Long> gaps;
        /** Every event up to here has been passed. */
        private volatile long scanned;
        private volatile long movedAt = System.nanoTime();
        private TrackingToken last;
        private Page page;
        private int cursor;
        private TrackedEventMessage<?> next;
        private BlockingStream<TrackedEventMessage<?>> delegate;
        /** On the live stream: events taken since the processor last waited for one, and when it last looked at the bound. */
        private int taken;
        private long lookedAt = System.nanoTime() - LOOK_NANOS;

        private Shared(GapAwareTrackingToken token) {
            last = token;
            if (farBehind(token)) {
                onPages(token);
            } else {
                delegate = live.openStream(token);
            }
        }

        private boolean farBehind(TrackingToken token) {
            long position = token == null ? -1 : token.position().orElse(-1);
            return position + pageEvents < settled.bound();
        }

        private void onPages(TrackingToken token) {
            GapAwareTrackingToken gapAware = (GapAwareTrackingToken) token;
            index = gapAware == null ? -1 : gapAware.getIndex();
            gaps = gapAware == null ? Collections.emptySortedSet() : new TreeSet<>(gapAware.getGaps());
            scanned = gaps.isEmpty() ? index : gaps.first() - 1;
            movedAt = System.nanoTime();
            page = null;
            next = null;
            readers.add(this);
        }

        private void toLive() {
            readers.remove(this);
            passed();
            page = null;
            next = null;
            taken = 0;
            lookedAt = System.nanoTime();
            delegate = live.openStream(last);
        }

        /** On the live stream, before a batch: back to the pages if the last batch was full and the pages are far ahead. */
        private void backToPagesIfFarBehind() {
            boolean full = taken >= fullBatch;
            taken = 0;
            if (full && System.nanoTime() - lookedAt > LOOK_NANOS) {
                lookedAt = System.nanoTime();
                if (last instanceof GapAwareTrackingToken || last == null) {
                    if (farBehind(last)) {
                        delegate.close();
                        delegate = null;
                        onPages(last);
                    }
                }
            }
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
            if (delegate != null && timeout > 0) {
                backToPagesIfFarBehind();
            }
            if (delegate != null) {
                return delegate.hasNextAvailable(timeout, unit);
            }
            if (advance(unit.toNanos(timeout)) != null) {
                return true;
            }
            if (delegate != null) {
                return delegate.hasNextAvailable(timeout, unit);
            }
            // waiting for slower processors; asked without a timeout, it tells that the processor is behind
            return timeout <= 0;
        }

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            if (delegate != null) {
                return delegate.peek();
            }
            try {
                // a batch that reaches the end of a page reads the next one if it may now, without waiting
                return Optional.ofNullable(advance(0));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
            if (delegate == null) {
                TrackedEventMessage<?> event;
                while ((event = advance(TimeUnit.SECONDS.toNanos(1))) == null && delegate == null) {
                    // waits for room in the cache: the processors behind pass the lowest page
                }
                if (event != null) {
                    next = null;
                    last = event.trackingToken();
                    movedAt = System.nanoTime();
                    served.increment();
                    return event;
                }
            }
            TrackedEventMessage<?> event = delegate.nextAvailable();
            last = event.trackingToken();
            taken++;
            return event;
        }

        /**
         * The next event for this processor, with its token, held until taken; {@code null} if it
         * cannot be had now. Goes over to the live stream once the settled pages are passed.
         */
        private TrackedEventMessage<?> advance(long waitNanos) throws InterruptedException {
            while (next == null) {
                if (page != null && cursor < page.events().size()) {
                    TrackedEventMessage<?> event = page.events().get(cursor++);
                    long at = indexOf(event);
                    scanned = at;
                    if (at > index || gaps.contains(at)) {
                        next = event.withTrackingToken(tokenAt(at));
                    }
                    continue;
                }
                if (page != null) {
                    scanned = Math.max(scanned, page.upTo());
                    page = null;
                    passed();
                }
                Page following = pageAfter(scanned, this, waitNanos);
                if (following == null) {
                    if (scanned >= index && scanned >= settled.bound()) {
                        toLive(); // past the settled store: from here the store is read as Axon does
                    }
                    return null;
                }
                page = following;
                cursor = page.firstAbove(scanned);
            }
            return next;
        }

        /** The processor's token once it has the event at {@code at}: its gaps above that still to be filled. */
        private TrackingToken tokenAt(long at) {
            SortedSet<Long> open = gaps.isEmpty() || at >= gaps.last() ? Collections.emptySortedSet() : gaps.tailSet(at + 1);
            return GapAwareTrackingToken.newInstance(Math.max(index, at), open);
        }

        @Override
        public void close() {
            readers.remove(this);
            passed();
            if (delegate != null) {
                delegate.close();
            }
        }

        @Override
        public void skipMessagesWithPayloadTypeOf(TrackedEventMessage<?> ignoredMessage) {
            if (delegate != null) {
                delegate.skipMessagesWithPayloadTypeOf(ignoredMessage);
            }
        }

        @Override
        public boolean setOnAvailableCallback(Runnable callback) {
            return delegate != null && delegate.setOnAvailableCallback(callback);
        }
    }
}
