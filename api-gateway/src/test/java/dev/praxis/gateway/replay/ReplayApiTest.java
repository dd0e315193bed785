package dev.praxis.gateway.replay;

import static dev.praxis.gateway.testing.GraphQlErrors.single;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.praxis.api.query.IdBatch;
import dev.praxis.api.query.Page;
import dev.praxis.api.query.ReplayView;
import dev.praxis.api.query.ReputationComparisonView;
import dev.praxis.api.shared.ErrorBody;
import dev.praxis.gateway.relay.GlobalId;
import dev.praxis.gateway.relay.NodeType;
import dev.praxis.gateway.testing.Views;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.graphql.test.autoconfigure.tester.AutoConfigureHttpGraphQlTester;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The replay and reputation-comparison fields through the real GraphQL engine over HTTP, with real
 * signed bearer tokens (with and without roles), against a stub of the query service that records
 * every call: who may do what, what reaches the query service, and how its answers and refusals
 * reach the caller.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureHttpGraphQlTester
class ReplayApiTest {

    static final QueryServiceStub backend = new QueryServiceStub();
    static final KeyPair KEYS = keys();

    @DynamicPropertySource
    static void backendServices(DynamicPropertyRegistry properties) {
        properties.add("praxis.command-service.url", backend::url);
        properties.add("praxis.query-service.url", backend::url);
        properties.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", () -> "http://127.0.0.1:9/jwks");
    }

    /** Trusts the test's own key, as the gateway trusts its identity provider's. */
    @TestConfiguration
    static class Tokens {
        @Bean
        @Primary
        JwtDecoder testJwtDecoder() {
            return NimbusJwtDecoder.withPublicKey((RSAPublicKey) KEYS.getPublic()).build();
        }
    }

    @Autowired
    HttpGraphQlTester graphQl;

    @BeforeEach
    void reset() {
        backend.requests.clear();
        graphQl = graphQl.mutate().webTestClient(client -> client.responseTimeout(Duration.ofSeconds(60)))
                .responseTimeout(Duration.ofSeconds(60)).build();
    }

    @AfterAll
    static void stop() {
        backend.server.stop(0);
    }

    @Test
    void onlyOperatorsStartReplaysAndTheyReachTheQueryService() {
        String start = "mutation { startReplay(input: {projections: [\"reputation\"], clientMutationId: \"x\"}) "
                + "{ clientMutationId replay { id state generation projections eventsDone eventsTotal } } }";
        graphQl.document(start).execute().errors().satisfy(single("UNAUTHORIZED", "AUTHENTICATION_REQUIRED"));
        as("m1").document(start).execute().errors().satisfy(single("FORBIDDEN", "ROLE_REQUIRED"));
        as("aud", "auditor").document(start).execute().errors().satisfy(single("FORBIDDEN", "ROLE_REQUIRED"));
        assertThat(backend.requests).isEmpty();

        as("op", "operator").document(start).execute()
                .path("startReplay.clientMutationId").entity(String.class).isEqualTo("x")
                .path("startReplay.replay.id").entity(String.class).isEqualTo("r1")
                .path("startReplay.replay.state").entity(String.class).isEqualTo("BUILDING")
                .path("startReplay.replay.projections").entityList(String.class).containsExactly("reputation")
                .path("startReplay.replay.eventsDone").entity(Double.class).isEqualTo(0.0);
        assertThat(backend.requests).hasSize(1);
        assertThat(backend.requests.get(0).path()).isEqualTo("POST /replays");
        assertThat(backend.requests.get(0).body()).contains("\"projections\":[\"reputation\"]");

        // a second replay while one runs: the query service's refusal keeps its code
        as("op", "operator").document("mutation { startReplay(input: {projections: [\"busy\"]}) { replay { id } } }")
                .execute().errors().satisfy(single("CONFLICT", "REPLAY_RUNNING"));
    }

    @Test
    void operatorsAndAuditorsFollowAReplaysProgress() {
        String follow = "{ replay(id: \"r1\") { id state eventsDone eventsTotal eventsPerSecond secondsLeft position "
                + "headPosition startedAt switchedAt message } }";
        as("m1").document(follow).execute().errors().satisfy(single("FORBIDDEN", "ROLE_REQUIRED"));
        graphQl.document(follow).execute().errors().satisfy(single("UNAUTHORIZED", "AUTHENTICATION_REQUIRED"));
        for (String role : List.of("auditor", "operator")) {
            as("x", role).document(follow).execute()
                    .path("replay.state").entity(String.class).isEqualTo("BUILDING")
                    .path("replay.eventsDone").entity(Double.class).isEqualTo(1200.0)
                    .path("replay.eventsTotal").entity(Double.class).isEqualTo(5000.0)
                    .path("replay.eventsPerSecond").entity(Double.class).isEqualTo(950.5)
                    .path("replay.secondsLeft").entity(Integer.class).isEqualTo(4)
                    .path("replay.startedAt").entity(String.class).isEqualTo("2025-03-01T09:30:00Z")
                    .path("replay.switchedAt").valueIsNull();
        }
        as("x", "auditor").document("{ replays { id state } }").execute()
                .path("replays[0].id").entity(String.class).isEqualTo("r1");
        as("x", "operator").document("{ replay(id: \"gone\") { id } }").execute()
                .errors().satisfy(single("NOT_FOUND", "UNKNOWN_REPLAY"));
    }

    @Test
    void moderatorsAndAuditorsCompareReputationUnderOtherRules() {
        String compare = """
                query($c: ID!) { community(id: $c) { reputationComparison(
                    rules: {preset: TEAM, values: [{rule: DAILY_VOTE_CAP, value: 300}]}, first: 2) {
                  totalCount pageInfo { hasNextPage endCursor }
                  nodes { current proposed difference member { displayName } } } } }""";
        String community = GlobalId.encode(NodeType.COMMUNITY, "c1");
        as("mod").document(compare).variable("c", community).execute()
                .path("community.reputationComparison.totalCount").entity(Integer.class).isEqualTo(3)
                .path("community.reputationComparison.pageInfo.endCursor").entity(String.class).isEqualTo("cur2")
                .path("community.reputationComparison.nodes[0].difference").entity(Integer.class).isEqualTo(50)
                .path("community.reputationComparison.nodes[0].current").entity(Integer.class).isEqualTo(201)
                .path("community.reputationComparison.nodes[0].proposed").entity(Integer.class).isEqualTo(251)
                .path("community.reputationComparison.nodes[*].member.displayName").entityList(String.class)
                .containsExactly("Member eve", "Member bob");
        QueryServiceStub.Request comparison = backend.requests.stream()
                .filter(r -> r.path().endsWith("/reputation-comparison")).findFirst().orElseThrow();
        assertThat(comparison.query()).contains("preset=TEAM").contains("rule=DAILY_VOTE_CAP:300").contains("first=2")
                .contains("viewer=mod").doesNotContain("viewerRole");

        backend.requests.clear();
        as("aud", "auditor").document(compare).variable("c", community).execute()
                .path("community.reputationComparison.totalCount").entity(Integer.class).isEqualTo(3);
        assertThat(backend.requests.stream().filter(r -> r.path().endsWith("/reputation-comparison")).findFirst()
                .orElseThrow().query()).contains("viewerRole=auditor");

        // a member who does not moderate: the query service's refusal keeps its code
        as("plain").document(compare).variable("c", community).execute()
                .errors().satisfy(single("FORBIDDEN", "NOT_A_MODERATOR"));
        graphQl.document(compare).variable("c", community).execute()
                .errors().satisfy(single("UNAUTHORIZED", "AUTHENTICATION_REQUIRED"));
        backend.requests.clear();
        as("mod").document("""
                        query($c: ID!) { community(id: $c) { reputationComparison(rules: {values: [
                          {rule: EDIT, value: 1}, {rule: EDIT, value: 3}]}) { totalCount } } }""")
                .variable("c", community).execute().errors().satisfy(single("BAD_REQUEST", "DUPLICATE_RULE"));
        assertThat(backend.requests).noneMatch(r -> r.path().endsWith("/reputation-comparison"));
    }

    private HttpGraphQlTester as(String subject, String... roles) {
        Instant now = Instant.now();
        JwtClaimsSet claims = JwtClaimsSet.builder().subject(subject).claim("name", "Member " + subject)
                .claim("roles", List.of(roles)).issuedAt(now).expiresAt(now.plusSeconds(600)).build();
        String token = NimbusJwtEncoder.withKeyPair((RSAPublicKey) KEYS.getPublic(), (RSAPrivateKey) KEYS.getPrivate())
                .algorithm(SignatureAlgorithm.RS256).build()
                .encode(JwtEncoderParameters.from(JwsHeader.with(SignatureAlgorithm.RS256).build(), claims)).getTokenValue();
        return graphQl.mutate().header("Authorization", "Bearer " + token).build();
    }

    private static KeyPair keys() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Answers the few routes these tests need from canned views, and records every request. */
    static final class QueryServiceStub {

        record Request(String path, String query, String body) {
        }

        final List<Request> requests = new CopyOnWriteArrayList<>();
        final HttpServer server;
        private final JsonMapper json = JsonMapper.builder().disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS).build();

        QueryServiceStub() {
            try {
                server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            server.createContext("/", this::handle);
            server.start();
        }

        String url() {
            return "http://" + server.getAddress().getHostString() + ":" + server.getAddress().getPort();
        }

        private void handle(HttpExchange exchange) throws IOException {
            try (exchange) {
                String method = exchange.getRequestMethod();
                String path = exchange.getRequestURI().getRawPath();
                String query = java.net.URLDecoder.decode(Objects.requireNonNullElse(exchange.getRequestURI().getRawQuery(), ""),
                        StandardCharsets.UTF_8);
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                requests.add(new Request(method + " " + path, query, body));
                ReplayView building = new ReplayView("r1", List.of("reputation"), "BUILDING", 3, 0, 1200, 5000, 1200, 5000,
                        950.5, 4L, Views.T0, null, null);
                if (method.equals("POST") && path.equals("/replays")) {
                    if (body.contains("busy")) {
                        send(exchange, 409, new ErrorBody("CONFLICT", "REPLAY_RUNNING", "Replay r0 is running."));
                    } else {
                        send(exchange, 202, new ReplayView("r1", List.of("reputation"), "BUILDING", 3, 0, 0, 5000, 0, 5000, 0,
                                null, Views.T0, null, null));
                    }
                } else if (path.equals("/replays/r1")) {
                    send(exchange, 200, building);
                } else if (path.equals("/replays")) {
                    send(exchange, 200, List.of(building));
                } else if (path.startsWith("/replays/")) {
                    send(exchange, 404, new ErrorBody("NOT_FOUND", "UNKNOWN_REPLAY", "There is no such replay."));
                } else if (path.equals("/communities/c1")) {
                    send(exchange, 200, Views.community("c1", "Guild", "owner"));
                } else if (path.equals("/communities/c1/reputation-comparison")) {
                    if (query.contains("viewer=plain")) {
                        send(exchange, 403, new ErrorBody("FORBIDDEN", "NOT_A_MODERATOR", "Moderators only."));
                    } else {
                        send(exchange, 200, new Page<>(List.of(new ReputationComparisonView("eve", 201, 251, 50),
                                new ReputationComparisonView("bob", 22, 26, 4)), "cur2", true, 3));
                    }
                } else if (path.equals("/members/batch")) {
                    send(exchange, 200, json.readValue(body, IdBatch.class).ids().stream()
                            .map(id -> Views.member(id, "Member " + id)).toList());
                } else {
                    send(exchange, 404, new ErrorBody("NOT_FOUND", "NO_ROUTE", path));
                }
            }
        }

        private void send(HttpExchange exchange, int status, Object body) throws IOException {
            byte[] bytes = json.writeValueAsBytes(body);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
        }
    }
}
