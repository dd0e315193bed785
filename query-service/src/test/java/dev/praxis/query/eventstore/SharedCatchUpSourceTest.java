package dev.praxis.query.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import dev.praxis.api.community.CommunityCreated;
import dev.praxis.api.shared.MessageJson;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventMessageHandler;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Tracking processors behind the head share one read of the settled store, and each still sees
 * exactly what a read of its own would give: on embedded PostgreSQL with the command service's
 * schema, real {@link TrackingEventProcessor}s, and Axon's embedded event store as the live stream.
 */
class SharedCatchUpSourceTest {

    private static final Duration SETTLE = Duration.ofMillis(100);
    private static final int PAGE = 100;
    private static final Serializer serializer = JacksonSerializer.builder().objectMapper(MessageJson.storageMapper()).build();

    EmbeddedPostgres postgres;
    JdbcEventStorageEngine writer;
    EmbeddedEventStore live;
    SettledHead settled;
    SharedCatchUpSource source;
    final List<TrackingEventProcessor> processors = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
        Flyway.configure().dataSource(postgres.getPostgresDatabase())
                .locations("filesystem:../command-service/src/main/resources/db/migration").load().migrate();
        writer = engine(() -> postgres.getPostgresDatabase().getConnection(), 100);
        live = EmbeddedEventStore.builder().storageEngine(engine(() -> postgres.getPostgresDatabase().getConnection(), 100))
                .fetchDelay(50).build();
        settled = new SettledHead(postgres.getPostgresDatabase(), SETTLE);
    }

    @AfterEach
    void stop() throws Exception {
        processors.forEach(TrackingEventProcessor::shutDown);
        live.shutDown();
        settled.close();
        postgres.close();
    }

    @Test
    void processorsBehindTheHeadReadTheSettledStoreOnceAndEachGetsEveryEventInOrder() throws Exception {
        source = source(300);
        List<Long> stored = store(2_000);
        settle();
        assertThat(settled.bound()).isEqualTo(stored.get(stored.size() - 1));

        // one slow projection: the others move with it through the pages instead of reading the store again
        List<Recorder> recorders = List.of(new Recorder(), new Recorder(), new Recorder(Duration.ofMillis(1)));
        for (int i = 0; i < recorders.size(); i++) {
            start("p" + i, recorders.get(i));
        }
        waitUntil(60, () -> recorders.stream().allMatch(r -> r.communities.size() >= stored.size()));

        for (Recorder recorder : recorders) {
            assertThat(recorder.indexes()).as("every event once, in the store's order").containsExactlyElementsOf(stored);
            assertThat(recorder.maxCached).as("the cache holds at most a page above its bound")
                    .isLessThanOrEqualTo(300 + PAGE);
        }
        assertThat(source.eventsRead()).as("the store read once for the three").isEqualTo(stored.size());
        assertThat(source.eventsServed()).isEqualTo(3.0 * stored.size());

        // at the head, the live stream: new events reach each processor once, not from pages
        List<Long> more = store(10);
        waitUntil(30, () -> recorders.stream().allMatch(r -> r.communities.size() >= stored.size() + 10));
        for (Recorder recorder : recorders) {
            assertThat(recorder.indexes().subList(stored.size(), recorder.communities.size())).containsExactlyElementsOf(more);
        }
        assertThat(source.eventsServed()).isEqualTo(3.0 * stored.size());
    }

    @Test
    void anInsertStillInFlightHoldsTheBoundBackAndItsEventReachesEveryProcessorOnCommit() throws Exception {
        source = source(1_000);
        List<Long> before = store(300);
        settle();
        long bound = settled.bound();
        assertThat(bound).isEqualTo(before.get(before.size() - 1));

        Connection open = postgres.getPostgresDatabase().getConnection();
        open.setAutoCommit(false);
        JdbcEventStorageEngine inFlight = engine(() -> uncloseable(open), 100);
        inFlight.appendEvents(event()); // takes the next index and does not commit yet
        List<Long> after = store(300);
        long late = after.get(0) - 1;
        settle();
        assertThat(settled.bound()).as("nothing at or above the open insert's index is settled").isLessThan(late);

        List<Recorder> recorders = List.of(new Recorder(), new Recorder());
        for (int i = 0; i < recorders.size(); i++) {
            start("q" + i, recorders.get(i));
        }
        waitUntil(60, () -> recorders.stream().allMatch(r -> r.communities.size() >= 600));
        assertThat(source.eventsRead()).as("the pages end at the settled bound").isLessThanOrEqualTo(before.size());

        open.commit();
        open.close();
        indexed(601);
        waitUntil(30, () -> recorders.stream().allMatch(r -> r.communities.size() >= 601));
        for (Recorder recorder : recorders) {
            assertThat(recorder.indexes().subList(0, 600)).containsExactlyElementsOf(concat(before, after));
            assertThat(recorder.indexes()).as("the late event, once, after the others").hasSize(601).endsWith(late);
        }
    }

    @Test
    void aTokenWhoseGapWasFilledSinceGetsTheEventFromThePagesThenTheEventsAfterIt() throws Exception {
        source = source(1_000);
        List<Long> stored = store(400);
        settle();
        long gap = stored.get(99);
        long position = stored.get(199);

        try (BlockingStream<TrackedEventMessage<?>> stream =
                     source.openStream(GapAwareTrackingToken.newInstance(position, Set.of(gap)))) {
            TrackedEventMessage<?> filled = stream.nextAvailable();
            assertThat(filled.trackingToken().position()).hasValue(position);
            assertThat(((GapAwareTrackingToken) filled.trackingToken()).getGaps()).isEmpty();
            assertThat(((CommunityCreated) filled.getPayload()).communityId()).as("the event stored at the gap")
                    .isEqualTo(aggregateAt(gap));
            List<Long> next = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                TrackedEventMessage<?> event = stream.nextAvailable();
                next.add(event.trackingToken().position().getAsLong());
                assertThat(((GapAwareTrackingToken) event.trackingToken()).getGaps()).isEmpty();
            }
            assertThat(next).containsExactlyElementsOf(stored.subList(200, 400));
        }
        assertThat(source.eventsServed()).as("all of it from the pages").isEqualTo(201);
    }

    @Test
    void theEventsAnUpcasterMakesOfOneStoredEventStayInOnePage() throws Exception {
        // an upcaster that makes two events of each stored one; a page of 101 would end between them
        EventUpcaster doubling = events -> events.flatMap(event -> Stream.of(event, event));
        source = new SharedCatchUpSource(live, engineBuilder(() -> postgres.getPostgresDatabase().getConnection(), 102)
                .upcasterChain(doubling).build(), settled, 101, 1_000, 50, Duration.ofSeconds(10), true, new SimpleMeterRegistry());
        List<Long> stored = store(250);
        settle();

        List<Long> positions = new ArrayList<>();
        try (BlockingStream<TrackedEventMessage<?>> stream = source.openStream(null)) {
            for (int i = 0; i < 2 * stored.size(); i++) {
                positions.add(readIndex(stream.nextAvailable()));
            }
        }
        assertThat(positions).containsExactlyElementsOf(stored.stream().flatMap(index -> Stream.of(index, index)).toList());
        assertThat(source.eventsServed()).as("all from the pages").isEqualTo(2.0 * stored.size());
    }

    // --- helpers

    private SharedCatchUpSource source(int cachedEvents) {
        return new SharedCatchUpSource(live, engine(() -> postgres.getPostgresDatabase().getConnection(), PAGE + 1), settled,
                PAGE, cachedEvents, 50, Duration.ofSeconds(10), true, new SimpleMeterRegistry());
    }

    /** Samples until the bound covers everything committed before (one settle delay and a witness). */
    private void settle() throws Exception {
        settled.sample();
        Thread.sleep(SETTLE.toMillis() + 20);
        settled.sample();
        settled.sample();
        settled.bound();
    }

    private void start(String name, Recorder recorder) {
        TrackingEventProcessor processor = TrackingEventProcessor.builder()
                .name(name)
                .eventHandlerInvoker(SimpleEventHandlerInvoker.builder().eventHandlers(List.of(recorder)).build())
                .messageSource(source)
                .tokenStore(new InMemoryTokenStore())
                .transactionManager(NoTransactionManager.INSTANCE)
                .trackingEventProcessorConfiguration(TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                        .andBatchSize(50))
                .build();
        processors.add(processor);
        processor.start();
    }

    /** Where each event's community is stored (the tests create one community per event). */
    private final Map<String, Long> indexes = new ConcurrentHashMap<>();

    /** What one processor's handler received: the global index of each event, and the most events cached meanwhile. */
    private final class Recorder implements EventMessageHandler {

        /** The community of each event received; {@link #indexes} maps them to where they are stored. */
        final List<String> communities = new CopyOnWriteArrayList<>();
        final Duration pause;
        volatile int maxCached;

        Recorder() {
            this(Duration.ZERO);
        }

        Recorder(Duration pause) {
            this.pause = pause;
        }

        /** By each event's own index (where its community is stored), not its token's position. */
        List<Long> indexes() {
            return communities.stream().map(SharedCatchUpSourceTest.this.indexes::get).toList();
        }

        @Override
        public Object handle(EventMessage<?> event) throws InterruptedException {
            Thread.sleep(pause.toMillis());
            communities.add(((CommunityCreated) event.getPayload()).communityId());
            maxCached = Math.max(maxCached, source.cachedEvents());
            return null;
        }
    }

    private static void waitUntil(int seconds, java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited %d s", seconds).isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    private static long readIndex(TrackedEventMessage<?> event) {
        return event.trackingToken().position().getAsLong();
    }

    /** Stores {@code count} events as the command service does, 100 to a transaction; answers their indexes. */
    private List<Long> store(int count) throws Exception {
        for (int done = 0; done < count; done += 100) {
            writer.appendEvents(LongStream.range(0, Math.min(100, count - done)).mapToObj(i -> event()).toList());
        }
        return indexed(count);
    }

    /** The last {@code count} events committed, in order: their indexes, each also noted by its community. */
    private List<Long> indexed(int count) throws Exception {
        List<Long> last = new ArrayList<>();
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             var rows = connection.createStatement().executeQuery(
                     "SELECT global_index, aggregate_identifier FROM (SELECT global_index, aggregate_identifier "
                             + "FROM domain_event_entry ORDER BY global_index DESC LIMIT " + count + ") last ORDER BY global_index")) {
            while (rows.next()) {
                last.add(rows.getLong(1));
                indexes.put(rows.getString(2), rows.getLong(1));
            }
        }
        return last;
    }

    private String aggregateAt(long index) throws Exception {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             var row = connection.createStatement().executeQuery(
                     "SELECT aggregate_identifier FROM domain_event_entry WHERE global_index = " + index)) {
            row.next();
            return row.getString(1);
        }
    }

    private static EventMessage<?> event() {
        String community = "c-" + UUID.randomUUID();
        return new GenericDomainEventMessage<>("Community", community, 0L,
                new CommunityCreated(community, "Shared Guild", null, null, "alice", Instant.parse("2026-04-01T12:00:00Z")));
    }

    private static List<Long> concat(List<Long> first, List<Long> second) {
        List<Long> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }

    private static JdbcEventStorageEngine engine(ConnectionProvider connections, int batchSize) {
        return engineBuilder(connections, batchSize).build();
    }

    private static JdbcEventStorageEngine.Builder engineBuilder(ConnectionProvider connections, int batchSize) {
        return JdbcEventStorageEngine.builder()
                .connectionProvider(connections)
                .transactionManager(NoTransactionManager.INSTANCE)
                .schema(EventStoreConfiguration.SCHEMA)
                .dataType(String.class)
                .eventSerializer(serializer)
                .snapshotSerializer(serializer)
                .batchSize(batchSize);
    }

    /** The connection of a transaction kept open: the engine's close of it does not end it. */
    private static Connection uncloseable(Connection connection) {
        return (Connection) Proxy.newProxyInstance(SharedCatchUpSourceTest.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> method.getName().equals("close") ? null : method.invoke(connection, args));
    }
}
