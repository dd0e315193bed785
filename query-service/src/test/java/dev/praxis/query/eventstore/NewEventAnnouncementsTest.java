package dev.praxis.query.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import dev.praxis.api.community.CommunityCreated;
import dev.praxis.query.TestStores;
import dev.praxis.query.consistency.ProjectionProgress;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The processors fetch new events when PostgreSQL announces them, not at their next poll. The
 * poll is set to a minute here, so an event stored by another process (here: straight into the
 * store, as the command service does) is seen within seconds only through the announcement.
 */
@SpringBootTest(properties = "praxis.query.fetch-delay-ms=60000")
class NewEventAnnouncementsTest {

    private static final Duration SOON = Duration.ofSeconds(5);

    static TestStores stores;

    @DynamicPropertySource
    static void stores(DynamicPropertyRegistry registry) throws Exception {
        stores = TestStores.start(registry);
    }

    @Autowired
    EventStorageEngine storageEngine;
    @Autowired
    ProjectionProgress progress;
    @Autowired
    NewEventAnnouncements announcements;
    @Autowired
    AnnouncedHead head;

    @Test
    void anEventStoredElsewhereIsProjectedWithoutWaitingForThePoll() throws Exception {
        // the first event may be found by the processors' first look at the store, when they start
        assertThat(progress.awaitProcessed(storeAnEvent(), SOON)).isTrue();

        assertThat(progress.awaitProcessed(storeAnEvent(), SOON)).as("seen through the announcement").isTrue();
    }

    @Test
    void anAnnouncementNamesTheHighestIndexStored() throws Exception {
        assertThat(progress.awaitProcessed(storeAnEvent(), SOON)).isTrue();
        long deadline = System.nanoTime() + SOON.toNanos();
        while (head.heard().highest() == AnnouncedHead.UNKNOWN && System.nanoTime() < deadline) {
            Thread.sleep(10); // known once a read at the head found nothing
        }
        assertThat(head.heard().highest()).isNotEqualTo(AnnouncedHead.UNKNOWN);

        long stored = storeAnEvent();
        deadline = System.nanoTime() + SOON.toNanos();
        while (head.heard().highest() != stored && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(head.heard().highest()).as("the index in the trigger's announcement").isEqualTo(stored);
        assertThat(progress.awaitProcessed(stored, SOON)).isTrue();
    }

    @Test
    void aListeningConnectionThatDiesIsOpenedAgain() throws Exception {
        assertThat(progress.awaitProcessed(storeAnEvent(), SOON)).isTrue();
        int before = listeningSession();
        assertThat(before).as("a session that listens").isPositive();

        try (Connection connection = stores.postgres().getPostgresDatabase().getConnection();
             ResultSet killed = connection.createStatement().executeQuery("SELECT pg_terminate_backend(" + before + ")")) {
            killed.next();
            assertThat(killed.getBoolean(1)).isTrue();
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while ((listeningSession() == before || listeningSession() == 0 || !announcements.listening())
                && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(listeningSession()).as("a new listening session").isPositive().isNotEqualTo(before);
        assertThat(announcements.listening()).isTrue();

        assertThat(progress.awaitProcessed(storeAnEvent(), SOON)).as("announced on the new session").isTrue();
    }

    private long storeAnEvent() throws SQLException {
        String community = "c-" + UUID.randomUUID();
        storageEngine.appendEvents(new GenericDomainEventMessage<>("test", community, 0L,
                new CommunityCreated(community, "Announced Guild", null, null, "alice", Instant.parse("2026-04-01T12:00:00Z"))));
        try (Connection connection = stores.postgres().getPostgresDatabase().getConnection();
             ResultSet last = connection.createStatement().executeQuery("SELECT max(global_index) FROM domain_event_entry")) {
            last.next();
            return last.getLong(1);
        }
    }

    /** The pid of the session that listens for announcements, 0 when there is none. */
    private int listeningSession() throws SQLException {
        try (Connection connection = stores.postgres().getPostgresDatabase().getConnection();
             ResultSet session = connection.createStatement().executeQuery(
                     "SELECT pid FROM pg_stat_activity WHERE application_name = '" + NewEventAnnouncements.APPLICATION_NAME
                             + "' ORDER BY backend_start DESC LIMIT 1")) {
            return session.next() ? session.getInt(1) : 0;
        }
    }
}
