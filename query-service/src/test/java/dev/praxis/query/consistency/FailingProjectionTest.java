package dev.praxis.query.consistency;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.praxis.query.TestStores;
import dev.praxis.api.community.CommunityCreated;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * One projection whose handler fails on an event, in the real query service (embedded PostgreSQL
 * and MongoDB, real HTTP): the instance reports it and stays in traffic, the other projections go
 * on, and the failing one delivers the event again until it passes, without skipping it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        classes = {dev.praxis.query.QueryServiceApplication.class, FailingProjectionTest.PoisonedProjectionConfiguration.class},
        properties = "praxis.query.consistency-timeout=1500ms")
class FailingProjectionTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    static TestStores stores;

    @DynamicPropertySource
    static void stores(DynamicPropertyRegistry registry) throws Exception {
        stores = TestStores.start(registry);
    }

    @TestConfiguration
    static class PoisonedProjectionConfiguration {
        @Bean
        PoisonedProjection poisonedProjection() {
            return new PoisonedProjection();
        }
    }

    /** A projection with a bug: it fails on every community named "Poison ...", until the bug is fixed. */
    @ProcessingGroup(PoisonedProjection.NAME)
    static class PoisonedProjection {
        static final String NAME = "poisoned-test";
        final AtomicBoolean buggy = new AtomicBoolean(true);
        final Set<String> handled = ConcurrentHashMap.newKeySet();

        @EventHandler
        void on(CommunityCreated event) {
            if (buggy.get() && event.name().startsWith("Poison")) {
                throw new IllegalStateException("cannot project " + event.communityId());
            }
            handled.add(event.communityId());
        }
    }

    @LocalServerPort
    int port;
    @Autowired
    EventStorageEngine storageEngine;
    @Autowired
    PoisonedProjection poisoned;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aFailingProjectionIsReportedWhileTheInstanceStaysInTrafficAndTheOthersGoOn() throws Exception {
        String community = "c-" + UUID.randomUUID();
        storageEngine.appendEvents(new GenericDomainEventMessage<>("Community", community, 0,
                new CommunityCreated(community, "Poison Guild", null, null, "alice", Instant.parse("2026-07-01T12:00:00Z"))));
        long position = lastPosition();

        // (the whole /actuator/health is DOWN here: the test's MongoDB server does not answer the driver's health command)
        JsonNode health = await("/actuator/health/projections", h -> "DEGRADED".equals(h.at("/status").asText()));
        assertThat(health.at("/details/failing/" + PoisonedProjection.NAME).asText())
                .isEqualTo("IllegalStateException: cannot project " + community);
        assertThat(health.at("/details/failing").size()).as("only the poisoned projection").isEqualTo(1);
        HttpResponse<String> readiness = send("/actuator/health/readiness");
        assertThat(readiness.statusCode()).as("in traffic: " + readiness.body()).isEqualTo(200);
        assertThat(JSON.readTree(readiness.body()).at("/status").asText()).isEqualTo("DEGRADED");
        assertThat(send("/actuator/prometheus").body()).containsPattern("(?m)^praxis_projections_failing(\\{[^}]*\\})? 1\\.0$");

        // the other projections have the event: the community reads without waiting for a position
        JsonNode read = await("/communities/" + community, c -> community.equals(c.at("/id").asText()));
        assertThat(read.at("/name").asText()).isEqualTo("Poison Guild");
        // a read that must reflect the event waits for every projection, the poisoned one too
        HttpResponse<String> waiting = send("/communities/" + community + "?minPosition=" + position);
        assertThat(waiting.statusCode()).isEqualTo(503);
        assertThat(JSON.readTree(waiting.body()).at("/code").asText()).isEqualTo("NOT_CAUGHT_UP");
        assertThat(poisoned.handled).doesNotContain(community);

        poisoned.buggy.set(false); // the fix is deployed: the retried batch passes
        await("/actuator/health/projections", h -> "UP".equals(h.at("/status").asText()));
        assertThat(poisoned.handled).as("the event was delivered again, not skipped").contains(community);
        assertThat(send("/communities/" + community + "?minPosition=" + position).statusCode()).isEqualTo(200);
        assertThat(send("/actuator/prometheus").body()).containsPattern("(?m)^praxis_projections_failing(\\{[^}]*\\})? 0\\.0$");
    }

    private JsonNode await(String path, Predicate<JsonNode> until) throws Exception {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        String last = null;
        while (System.nanoTime() < deadline) {
            HttpResponse<String> response = send(path);
            last = response.body();
            if (response.statusCode() < 500 && until.test(JSON.readTree(last))) {
                return JSON.readTree(last);
            }
            Thread.sleep(100);
        }
        throw new AssertionError("Not reached within " + PATIENCE + " on " + path + "; last answer: " + last);
    }

    private HttpResponse<String> send(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(10)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private long lastPosition() throws Exception {
        try (var connection = stores.postgres().getPostgresDatabase().getConnection();
             var result = connection.createStatement().executeQuery("SELECT max(global_index) FROM domain_event_entry")) {
            result.next();
            return result.getLong(1);
        }
    }
}
