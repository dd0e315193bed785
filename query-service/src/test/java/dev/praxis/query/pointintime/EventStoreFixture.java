package dev.praxis.query.pointintime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.praxis.query.TestStores;
import dev.praxis.api.shared.PraxisEvent;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The query service over real stores (embedded PostgreSQL with the command service's migrations,
 * the embedded MongoDB server) and real HTTP, with a way to store events at chosen times, as the
 * point-in-time tests need.
 */
abstract class EventStoreFixture {

    static final ObjectMapper JSON = new ObjectMapper();

    static TestStores stores;

    @DynamicPropertySource
    static void stores(DynamicPropertyRegistry registry) throws Exception {
        stores = TestStores.start(registry);
    }

    /** Synthetic time, increasing across the tests of a run, so that later positions never carry earlier times. */
    private static Instant clock = Instant.now().minus(Duration.ofDays(30)).truncatedTo(java.time.temporal.ChronoUnit.HOURS);

    /** A moment in the past, a day after the last one handed out: a test's events go within the day after it. */
    static synchronized Instant base() {
        clock = clock.plus(Duration.ofDays(1));
        return clock;
    }

    @LocalServerPort
    int port;
    @Autowired
    EventStorageEngine storageEngine;
    @Autowired
    JdbcTemplate jdbc;

    final HttpClient http = HttpClient.newHttpClient();
    private final Map<String, Long> sequences = new HashMap<>();

    /** Stores the event as its aggregate's next one, at the given time; answers its global position. */
    long append(String aggregateId, PraxisEvent event, Instant storedAt) {
        long sequence = sequences.merge(aggregateId, 0L, (old, zero) -> old + 1);
        storageEngine.appendEvents(new GenericDomainEventMessage<>("test", aggregateId, sequence, event, Map.of(),
                UUID.randomUUID().toString(), storedAt));
        Long position = jdbc.queryForObject("SELECT max(global_index) FROM domain_event_entry", Long.class);
        return position == null ? 0 : position;
    }

    /** Stores the event now. */
    long append(String aggregateId, PraxisEvent event) {
        return append(aggregateId, event, Instant.now());
    }

    JsonNode get(String path) throws Exception {
        HttpResponse<String> response = send(path);
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    JsonNode post(String path, String body) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(90))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    /** Asserts a typed refusal: the status and the error code. */
    void assertError(String path, int status, String code) throws Exception {
        HttpResponse<String> response = send(path);
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(status);
        assertThat(JSON.readTree(response.body()).get("code").asText()).isEqualTo(code);
    }

    HttpResponse<String> send(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(90)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Waits until the projections have applied everything up to the position. */
    void awaitProjections(long position) throws Exception {
        // on a busy machine the projections may take minutes: ask again while they have not caught up
        long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        while (true) {
            try {
                HttpResponse<String> response = send("/communities?first=1&minPosition=" + position);
                if (response.statusCode() != 503 || System.nanoTime() > deadline) {
                    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
                    return;
                }
            } catch (java.net.http.HttpTimeoutException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
            }
        }
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }
}
