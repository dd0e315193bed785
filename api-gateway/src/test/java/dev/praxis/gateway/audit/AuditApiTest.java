package dev.praxis.gateway.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.praxis.api.query.HistoryEntryView;
import dev.praxis.api.query.Page;
import dev.praxis.gateway.relay.GlobalId;
import dev.praxis.gateway.relay.NodeType;
import dev.praxis.gateway.testing.Views;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.graphql.test.autoconfigure.tester.AutoConfigureHttpGraphQlTester;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The auditor role and the audit paths through the real gateway (local profile: development tokens,
 * with and without {@code "roles": ["auditor"]}) against a stub of the backend services that records
 * every request: the matrix anonymous / member / auditor for history, verification and export, and the
 * role reaching the query service on every read of an auditor's request, nested batches included.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureHttpGraphQlTester
@ActiveProfiles("local")
class AuditApiTest {

    static final Backend backend = new Backend();

    @DynamicPropertySource
    static void backendServices(DynamicPropertyRegistry properties) {
        properties.add("praxis.command-service.url", backend::url);
        properties.add("praxis.query-service.url", backend::url);
    }

    @Autowired
    HttpGraphQlTester graphQl;

    @Autowired
    WebTestClient http;

    @BeforeEach
    void reset() {
        backend.requests.clear();
        http = http.mutate().responseTimeout(Duration.ofSeconds(60)).build();
        graphQl = graphQl.mutate().webTestClient(client -> client.responseTimeout(Duration.ofSeconds(60)))
                .responseTimeout(Duration.ofSeconds(60)).build();
    }

    @AfterAll
    static void stop() {
        backend.server.stop(0);
    }

    private static final String HISTORY = """
            query($community: ID) { history(community: $community, first: 5) { totalCount
              pageInfo { hasNextPage endCursor }
              nodes { position eventId aggregateId sequence type recordedAt summary payload metadata
                      actor { displayName } community { name } } } }""";

    @Test
    void anAuditorReadsAllHistoryAndEveryReadOfTheRequestCarriesTheRole() {
        as("audra", List.of("auditor")).document("{ history(first: 5) { totalCount nodes { position summary metadata "
                        + "actor { displayName } community { name } } } }")
                .execute()
                .path("history.totalCount").entity(Integer.class).isEqualTo(1)
                .path("history.nodes[0].position").entity(String.class).isEqualTo("42")
                .path("history.nodes[0].metadata").entity(String.class).isEqualTo("{\"correlationId\":\"c-1\"}")
                .path("history.nodes[0].actor.displayName").entity(String.class).isEqualTo("Alice")
                .path("history.nodes[0].community.name").entity(String.class).isEqualTo("Gardening");

        assertThat(backend.routes()).containsExactlyInAnyOrder("GET /history", "POST /members/batch", "POST /communities/batch");
        assertThat(backend.requests).allSatisfy(request -> assertThat(request.query())
                .containsEntry("viewer", "audra").containsEntry("viewerRole", "auditor"));
    }

    @Test
    void theRoleAlsoReachesReadsOfFeatureClientsThatOnlyKnowTheViewersId() {
        as("audra", List.of("auditor")).document("query($id: ID!) { community(id: $id) { name feed(first: 3) { nodes { position } } } }")
                .variable("id", GlobalId.encode(NodeType.COMMUNITY, "c1"))
                .execute()
                .path("community.name").entity(String.class).isEqualTo("Gardening");
        assertThat(backend.routes()).contains("GET /communities/{id}/feed");
        assertThat(backend.requests).allSatisfy(request -> assertThat(request.query()).containsEntry("viewerRole", "auditor"));

        backend.requests.clear();
        as("bob", List.of()).document("query($id: ID!) { community(id: $id) { name feed(first: 3) { nodes { position } } } }")
                .variable("id", GlobalId.encode(NodeType.COMMUNITY, "c1"))
                .execute().path("community.name").entity(String.class).isEqualTo("Gardening");
        assertThat(backend.requests).isNotEmpty().allSatisfy(request -> assertThat(request.query())
                .containsEntry("viewer", "bob").doesNotContainKey("viewerRole"));
    }

    @Test
    void membersAndAnonymousCallersReadOnlyTheHistoryOfWhatTheyNameAndNeverTheRole() {
        as("bob", List.of()).document(HISTORY).variable("community", GlobalId.encode(NodeType.COMMUNITY, "c1"))
                .execute()
                .path("history.nodes[0].summary").entity(String.class).isEqualTo("alice: answer accepted")
                .path("history.nodes[0].metadata").valueIsNull();
        assertThat(backend.requests.get(0).query()).containsEntry("community", "c1").containsEntry("viewer", "bob")
                .doesNotContainKey("viewerRole");

        backend.requests.clear();
        graphQl.document(HISTORY).variable("community", GlobalId.encode(NodeType.COMMUNITY, "c1")).execute()
                .path("history.totalCount").entity(Integer.class).isEqualTo(1);
        assertThat(backend.requests.get(0).query()).doesNotContainKey("viewer").doesNotContainKey("viewerRole");

        backend.requests.clear();
        as("bob", List.of()).document("{ history { totalCount } }").execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(e -> {
                    assertThat(e.getErrorType().toString()).isEqualTo("FORBIDDEN");
                    assertThat(e.getExtensions()).containsEntry("code", "AUDITORS_ONLY");
                }));
        graphQl.document("{ history(post: \"" + GlobalId.encode(NodeType.COMMUNITY, "c1") + "\") { totalCount } }").execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement()
                        .satisfies(e -> assertThat(e.getExtensions()).containsEntry("code", "INVALID_ID")));
        graphQl.document("{ history(community: \"" + GlobalId.encode(NodeType.COMMUNITY, "c1") + "\", first: 101) { totalCount } }")
                .execute().errors().satisfy(errors -> assertThat(errors).singleElement()
                        .satisfies(e -> assertThat(e.getExtensions()).containsEntry("code", "INVALID_PAGE_SIZE")));
        assertThat(backend.requests).isEmpty();
    }

    @Test
    void verificationIsForAuditorsOnly() {
        String document = "{ eventChainVerification(fromPosition: \"3\") { intact fromPosition toPosition eventsChecked "
                + "brokenLinks firstBroken { position eventId aggregateId sequence problem description expected found } } }";
        as("audra", List.of("auditor")).document(document).execute()
                .path("eventChainVerification.intact").entity(Boolean.class).isEqualTo(false)
                .path("eventChainVerification.firstBroken.position").entity(String.class).isEqualTo("17")
                .path("eventChainVerification.firstBroken.eventId").entity(String.class).isEqualTo("e-17")
                .path("eventChainVerification.firstBroken.problem").entity(String.class).isEqualTo("HASH_MISMATCH");
        assertThat(backend.requests).singleElement().satisfies(r -> {
            assertThat(r.path()).isEqualTo("/audit/verify");
            assertThat(r.query()).containsEntry("from", "3");
        });

        backend.requests.clear();
        as("bob", List.of()).document(document).execute().errors().satisfy(errors -> assertThat(errors).singleElement()
                .satisfies(e -> {
                    assertThat(e.getErrorType().toString()).isEqualTo("FORBIDDEN");
                    assertThat(e.getExtensions()).containsEntry("code", "AUDITORS_ONLY");
                }));
        graphQl.document(document).execute().errors().satisfy(errors -> assertThat(errors).singleElement()
                .satisfies(e -> assertThat(e.getErrorType().toString()).isEqualTo("UNAUTHORIZED")));
        as("audra", List.of("auditor")).document("{ eventChainVerification(fromPosition: \"x\") { intact } }").execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement()
                        .satisfies(e -> assertThat(e.getExtensions()).containsEntry("code", "INVALID_POSITION")));
        assertThat(backend.requests).isEmpty();
    }

    @Test
    void theExportStreamsNdjsonToAuditorsOnly() {
        String token = token("audra", List.of("auditor"));
        String body = http.get().uri("/audit/export?community=c1").headers(h -> h.setBearerAuth(token)).exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.parseMediaType("application/x-ndjson"))
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(body).isEqualTo(Backend.EXPORT);
        assertThat(backend.requests).singleElement().satisfies(r -> assertThat(r.query()).containsEntry("community", "c1"));

        backend.requests.clear();
        http.get().uri("/audit/export").exchange()
                .expectStatus().isUnauthorized().expectBody().jsonPath("$.code").isEqualTo("AUTHENTICATION_REQUIRED");
        String member = token("bob", List.of());
        http.get().uri("/audit/export").headers(h -> h.setBearerAuth(member)).exchange()
                .expectStatus().isForbidden().expectBody().jsonPath("$.code").isEqualTo("AUDITORS_ONLY");
        http.get().uri("/audit/export?from=x").headers(h -> h.setBearerAuth(token)).exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.code").isEqualTo("INVALID_RANGE");
        assertThat(backend.requests).isEmpty();
        // the command service's own refusal passes through with its status and code
        http.get().uri("/audit/export?from=9&to=3").headers(h -> h.setBearerAuth(token)).exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.code").isEqualTo("INVALID_RANGE");
    }

    @Test
    void theDevelopmentIssuerGrantsOnlyKnownRoles() {
        http.post().uri("/dev/token").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("memberId", "mallory", "roles", List.of("admin"))).exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.code").isEqualTo("UNKNOWN_ROLE");
    }

    // ---- helpers

    private HttpGraphQlTester as(String memberId, List<String> roles) {
        String token = token(memberId, roles);
        return graphQl.mutate().headers(headers -> headers.setBearerAuth(token)).build();
    }

    @SuppressWarnings("unchecked")
    private String token(String memberId, List<String> roles) {
        Map<String, String> answer = http.post().uri("/dev/token").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("memberId", memberId, "roles", roles)).exchange()
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        return answer.get("token");
    }

    /** Plays both backend services for the routes these tests use, and records every request. */
    static final class Backend {

        record Request(String route, String path, Map<String, String> query) {
        }

        static final String EXPORT = "{\"position\":1,\"eventId\":\"e-1\"}\n{\"position\":2,\"eventId\":\"e-2\"}\n";

        final List<Request> requests = new CopyOnWriteArrayList<>();
        final HttpServer server;
        private final JsonMapper json = JsonMapper.builder().disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS).build();

        Backend() {
            try {
                server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            server.createContext("/", this::handle);
            server.start();
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort();
        }

        List<String> routes() {
            return requests.stream().map(Request::route).toList();
        }

        private void handle(HttpExchange exchange) throws IOException {
            String path = exchange.getRequestURI().getPath();
            Map<String, String> query = exchange.getRequestURI().getRawQuery() == null ? Map.of()
                    : Arrays.stream(exchange.getRequestURI().getRawQuery().split("&")).map(p -> p.split("=", 2))
                    .collect(Collectors.toMap(p -> URLDecoder.decode(p[0], StandardCharsets.UTF_8),
                            p -> p.length > 1 ? URLDecoder.decode(p[1], StandardCharsets.UTF_8) : "", (a, b) -> a));
            String method = exchange.getRequestMethod();
            String route = method + " " + path.replaceAll("^/communities/[^/]+/feed$", "/communities/{id}/feed")
                    .replaceAll("^/communities/(?!batch)[^/]+$", "/communities/{id}");
            requests.add(new Request(route, path, query));
            Instant t = Instant.parse("2026-03-05T10:00:00Z");
            Object answer;
            int status = 200;
            String type = "application/json";
            switch (route) {
                case "GET /history" -> answer = new Page<>(List.of(new HistoryEntryView(42, "e-42", "q1", 2,
                        "dev.praxis.api.question.AnswerAccepted", t, "alice", "c1", "alice: answer accepted",
                        "{\"answerId\":\"a1\"}", "viewerRole".isEmpty() ? null
                        : "auditor".equals(query.get("viewerRole")) ? "{\"correlationId\":\"c-1\"}" : null)), "42", false, 1);
                case "POST /members/batch" -> answer = List.of(Views.member("alice", "Alice"));
                case "POST /communities/batch" -> answer = List.of(Views.community("c1", "Gardening", "alice"));
                case "GET /communities/{id}" -> answer = Views.community("c1", "Gardening", "alice");
                case "GET /communities/{id}/feed" -> answer = new Page<>(List.of(), null, false, 0);
                case "GET /audit/verify" -> answer = Map.of("fromPosition", 3, "toPosition", 40, "eventsChecked", 38,
                        "checkpointsChecked", 0, "brokenLinks", 1, "firstBroken", Map.of("position", 17, "eventId", "e-17",
                                "aggregateId", "q1", "sequence", 4, "problem", "HASH_MISMATCH", "description", "changed",
                                "expected", "aa", "found", "bb"));
                case "GET /audit/export" -> {
                    if ("9".equals(query.get("from"))) {
                        status = 400;
                        answer = Map.of("kind", "INVALID_INPUT", "code", "INVALID_RANGE", "message", "ends before it starts");
                    } else {
                        answer = EXPORT;
                        type = "application/x-ndjson";
                    }
                }
                default -> {
                    status = 404;
                    answer = Map.of("kind", "NOT_FOUND", "code", "UNKNOWN_PATH", "message", "no " + route);
                }
            }
            byte[] bytes = answer instanceof String text ? text.getBytes(StandardCharsets.UTF_8) : json.writeValueAsBytes(answer);
            exchange.getResponseHeaders().add("Content-Type", type);
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        }
    }
}
