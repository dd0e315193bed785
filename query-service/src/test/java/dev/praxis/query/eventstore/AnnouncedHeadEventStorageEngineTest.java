package dev.praxis.query.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import dev.praxis.api.community.CommunityCreated;
import dev.praxis.api.shared.MessageJson;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The reads of the event store that the announcements show to be empty are not made, and nothing
 * announced is missed: on embedded PostgreSQL with the command service's schema, counting the
 * statements the engine prepares. The listener is played by the test ({@link AnnouncedHead}), so
 * that an announcement can also be late or lost.
 */
class AnnouncedHeadEventStorageEngineTest {

    private static final Duration TRUST = Duration.ofMillis(250);

    static EmbeddedPostgres postgres;
    static Serializer serializer = JacksonSerializer.builder().objectMapper(MessageJson.storageMapper()).build();

    final AtomicInteger statements = new AtomicInteger();
    final AtomicLong clock = new AtomicLong(1_000_000_000L);
    AnnouncedHead head;
    AnnouncedHeadEventStorageEngine engine;
    JdbcEventStorageEngine writer;

    @BeforeAll
    static void startPostgres() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
        Flyway.configure().dataSource(postgres.getPostgresDatabase())
                .locations("filesystem:../command-service/src/main/resources/db/migration").load().migrate();
    }

    @AfterAll
    static void stopPostgres() throws Exception {
        postgres.close();
    }

    @BeforeEach
    void engines() {
        head = new AnnouncedHead();
        ConnectionProvider counted = () -> counting(postgres.getPostgresDatabase().getConnection());
        engine = new AnnouncedHeadEventStorageEngine(builder(counted), head, TRUST, clock::get);
        writer = builder(() -> postgres.getPostgresDatabase().getConnection()).build();
    }

    @Test
    void aReadThatReachedTheAnnouncedHeadIsNotMadeAgain() {
        head.listening(true);
        TrackingToken start = learnedHead();
        long first = store();
        head.announced(OptionalLong.of(first));

        List<TrackedEventMessage<?>> read = read(start);
        assertThat(read).hasSize(1);
        assertThat(statements.get()).as("the read that finds the event; none after it").isEqualTo(1);

        TrackingToken reached = read.get(0).trackingToken();
        assertThat(read(reached)).isEmpty();
        assertThat(statements.get()).as("nothing announced since: no read").isEqualTo(1);

        long second = store();
        head.announced(OptionalLong.of(second));
        List<TrackedEventMessage<?>> next = read(reached);
        assertThat(next).extracting(m -> m.trackingToken().position().getAsLong()).containsExactly(second);
        assertThat(statements.get()).isEqualTo(2);
    }

    @Test
    void anEventIsReadWhenItsAnnouncementArrivesOrOnceTheLastAnswerIsTooOld() {
        head.listening(true);
        TrackingToken start = learnedHead();
        long first = store();
        head.announced(OptionalLong.of(first));
        TrackingToken reached = read(start).get(0).trackingToken();

        long late = store(); // committed, its announcement still on its way
        assertThat(read(reached)).as("not announced yet").isEmpty();
        head.announced(OptionalLong.of(late));
        assertThat(read(reached)).extracting(m -> m.trackingToken().position().getAsLong()).containsExactly(late);

        TrackingToken afterLate = read(start).get(1).trackingToken();
        long lost = store(); // its announcement never arrives
        assertThat(read(afterLate)).isEmpty();
        clock.addAndGet(TRUST.toNanos());
        assertThat(read(afterLate)).as("the poll after a lost announcement reads")
                .extracting(m -> m.trackingToken().position().getAsLong()).containsExactly(lost);
    }

    @Test
    void whileNoOneListensEveryReadGoesToTheStore() {
        head.listening(false);
        TrackingToken start = headToken();
        head.announced(OptionalLong.of(store()));
        TrackingToken reached = read(start).get(0).trackingToken();
        int before = statements.get();

        assertThat(read(reached)).isEmpty();
        assertThat(read(reached)).isEmpty();
        assertThat(statements.get() - before).as("an empty read and the look past a gap, twice").isEqualTo(4);
    }

    @Test
    void anUnknownHeadIsLearnedFromAReadThatFindsNothing() {
        head.listening(true);
        TrackingToken start = headToken();
        store();
        head.announced(OptionalLong.empty()); // an announcement without an index (the trigger of V99)

        TrackingToken reached = read(start).get(0).trackingToken();
        assertThat(statements.get()).as("the event, then an empty read and the look past a gap").isEqualTo(3);
        assertThat(head.heard().highest()).isEqualTo(reached.position().getAsLong());

        assertThat(read(reached)).isEmpty();
        assertThat(statements.get()).as("known now: no read").isEqualTo(3);

        long next = store();
        head.announced(OptionalLong.of(next));
        TrackingToken afterNext = read(reached).get(0).trackingToken();
        assertThat(statements.get()).as("the new event only").isEqualTo(4);
        assertThat(afterNext.position()).hasValue(next);
    }

    @Test
    void aReaderElsewhereInTheStreamReadsTheStore() {
        head.listening(true);
        TrackingToken start = headToken();
        long first = store();
        long second = store();
        head.announced(OptionalLong.of(second));
        assertThat(read(start)).hasSize(2);
        int before = statements.get();

        // a processor behind the head, one event back
        List<TrackedEventMessage<?>> behind = read(read(start).get(0).trackingToken());
        assertThat(behind).extracting(m -> m.trackingToken().position().getAsLong()).containsExactly(second);
        assertThat(statements.get() - before).as("read again from the start and from one event back").isPositive();
        assertThat(first).isLessThan(second);
    }

    /** Where the store's head is now (the reads of these tests start there), not counted. */
    private TrackingToken headToken() {
        return writer.createHeadToken();
    }

    /**
     * The head, after a first look at the store from there that found nothing (as the fetching
     * thread's first look does): from then on the head is known. Its statements are not counted.
     */
    private TrackingToken learnedHead() {
        TrackingToken start = headToken();
        assertThat(read(start)).isEmpty();
        assertThat(head.heard().highest()).isEqualTo(start.position().getAsLong());
        statements.set(0);
        return start;
    }

    private List<TrackedEventMessage<?>> read(TrackingToken from) {
        try (Stream<? extends TrackedEventMessage<?>> events = engine.readEvents(from, false)) {
            return events.collect(Collectors.toList());
        }
    }

    /** Stores one event as the command service does; answers its global index. */
    private long store() {
        String community = "c-" + UUID.randomUUID();
        writer.appendEvents(new GenericDomainEventMessage<>("Community", community, 0L,
                new CommunityCreated(community, "Announced Guild", null, null, "alice", Instant.parse("2026-04-01T12:00:00Z"))));
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             var last = connection.createStatement().executeQuery("SELECT max(global_index) FROM domain_event_entry")) {
            last.next();
            return last.getLong(1);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static JdbcEventStorageEngine.Builder builder(ConnectionProvider connections) {
        return JdbcEventStorageEngine.builder()
                .connectionProvider(connections)
                .transactionManager(NoTransactionManager.INSTANCE)
                .schema(EventStoreConfiguration.SCHEMA)
                .dataType(String.class)
                .eventSerializer(serializer)
                .snapshotSerializer(serializer);
    }

    /** A connection that counts the statements prepared on it. */
    private Connection counting(Connection connection) {
        return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("prepareStatement")) {
                        statements.incrementAndGet();
                    }
                    try {
                        return method.invoke(connection, args);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
