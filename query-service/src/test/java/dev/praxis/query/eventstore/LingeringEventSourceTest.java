package dev.praxis.query.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.StreamableMessageSource;
import org.junit.jupiter.api.Test;

/**
 * When a processor's next batch waits: only at the head of the store, only after a batch that held
 * more than one event and was not full, and only for the rest of the linger since that batch began. A scripted stream and a
 * clock that the waits move stand in for the event store and time.
 */
class LingeringEventSourceTest {

    private static final long MS = 1_000_000;

    /** The events, each available from its time on; the processor's waits move the clock. */
    private final Deque<Long> arrivals = new ArrayDeque<>();
    private final List<Long> waits = new ArrayList<>();
    private long now;
    private long position;

    @Test
    void aBatchThatFollowsASmallOneOfSeveralEventsWaitsOutTheRestOfTheLinger() throws Exception {
        BlockingStream<TrackedEventMessage<?>> stream = open(Duration.ofMillis(20), 100);
        arrivals.addAll(List.of(0L, 5 * MS, 8 * MS, 12 * MS, 30 * MS, 70 * MS, 100 * MS));

        assertThat(batch(stream)).as("the first batch starts at once").isEqualTo(1);
        now = 10 * MS; // it took a while: two events came meanwhile
        assertThat(batch(stream)).as("after a batch of one event, at once").isEqualTo(2);
        now = 12 * MS;
        assertThat(batch(stream)).as("2 ms after a batch of two began (at 10): it waits until 30, and takes what came")
                .isEqualTo(2);
        assertThat(waits).containsExactly(18 * MS);
        now = 70 * MS;
        assertThat(batch(stream)).as("40 ms after the last began (at 30): no wait").isEqualTo(1);
        now = 100 * MS;
        assertThat(batch(stream)).as("an idle processor starts at once").isEqualTo(1);
        assertThat(waits).containsExactly(18 * MS);
    }

    @Test
    void aProcessorThatKeepsUpOneEventAtATimeNeverWaits() throws Exception {
        BlockingStream<TrackedEventMessage<?>> stream = open(Duration.ofMillis(20), 100);
        arrivals.addAll(List.of(0L, 5 * MS, 10 * MS, 15 * MS));
        for (long at = 0; at <= 15; at += 5) {
            now = at * MS;
            assertThat(batch(stream)).isEqualTo(1);
        }
        assertThat(waits).as("a sequential writer's events, each handled when it comes").isEmpty();
    }

    @Test
    void aProcessorBehindTheHeadNeverWaits() throws Exception {
        BlockingStream<TrackedEventMessage<?>> stream = open(Duration.ofMillis(20), 3);
        for (int i = 0; i < 7; i++) {
            arrivals.add(0L);
        }
        assertThat(batch(stream)).isEqualTo(3);
        assertThat(batch(stream)).as("the last batch was full").isEqualTo(3);
        assertThat(batch(stream)).isEqualTo(1);
        assertThat(waits).isEmpty();
    }

    @Test
    void noLingerIsTheStoresOwnStream() {
        StreamableMessageSource<TrackedEventMessage<?>> store = store();
        assertThat(new LingeringEventSource(store, Duration.ZERO, 100).openStream(null)).isInstanceOf(Scripted.class);
    }

    /** What a tracking processor does for a batch: waits for a first event, then takes what is there, up to the batch size. */
    private int batch(BlockingStream<TrackedEventMessage<?>> stream) throws InterruptedException {
        if (!stream.hasNextAvailable(1000, TimeUnit.MILLISECONDS)) {
            return 0;
        }
        int taken = 0;
        do {
            stream.nextAvailable();
            taken++;
        } while (taken < batchSize && stream.peek().isPresent());
        return taken;
    }

    private int batchSize;

    private BlockingStream<TrackedEventMessage<?>> open(Duration linger, int batchSize) {
        this.batchSize = batchSize;
        return new LingeringEventSource(store(), linger, batchSize, () -> now, nanos -> {
            waits.add(nanos);
            now += nanos;
        }).openStream(null);
    }

    private StreamableMessageSource<TrackedEventMessage<?>> store() {
        return token -> new Scripted();
    }

    /** The events that have arrived by the clock's time; a wait for one moves the clock to its arrival. */
    private final class Scripted implements BlockingStream<TrackedEventMessage<?>> {

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            return arrivals.isEmpty() || arrivals.peek() > now ? Optional.empty() : Optional.of(event());
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) {
            if (!arrivals.isEmpty() && arrivals.peek() > now && arrivals.peek() <= now + unit.toNanos(timeout)) {
                now = arrivals.peek();
            }
            return peek().isPresent();
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() {
            arrivals.poll();
            return event();
        }

        private TrackedEventMessage<?> event() {
            TrackingToken token = new GlobalSequenceTrackingToken(position++);
            return new GenericTrackedEventMessage<>(token, new org.axonframework.eventhandling.GenericEventMessage<>("event"));
        }

        @Override
        public void close() {
        }
    }
}
