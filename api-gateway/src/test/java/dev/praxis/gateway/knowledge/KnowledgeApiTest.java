package dev.praxis.gateway.knowledge;

import static dev.praxis.gateway.testing.GraphQlErrors.single;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.praxis.api.query.ExpertView;
import dev.praxis.api.query.ExpertiseView;
import dev.praxis.api.query.IdBatch;
import dev.praxis.api.query.KnowledgeEvidenceView;
import dev.praxis.api.query.Page;
import dev.praxis.api.shared.ErrorBody;
import dev.praxis.gateway.relay.GlobalId;
import dev.praxis.gateway.relay.NodeType;
import dev.praxis.gateway.testing.Views;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.graphql.test.autoconfigure.tester.AutoConfigureHttpGraphQlTester;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The knowledge graph's GraphQL fields through the real GraphQL engine over HTTP, against a stub
 * of the query service that records every call: arguments reach the query service, nested objects
 * are fetched once per level, refusals keep their code, and a missing connection is null.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureHttpGraphQlTester
class KnowledgeApiTest {

    static final QueryServiceStub backend = new QueryServiceStub();

    @DynamicPropertySource
    static void backendServices(DynamicPropertyRegistry properties) {
        properties.add("praxis.command-service.url", backend::url);
        properties.add("praxis.query-service.url", backend::url);
        properties.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", () -> "http://127.0.0.1:9/jwks");
    }

    @Autowired
    HttpGraphQlTester graphQl;

    @BeforeEach
    void reset() {
        backend.requests.clear();
        // the machine that runs the build may be busy: a slow first answer is no failure here
        graphQl = graphQl.mutate().webTestClient(client -> client.responseTimeout(Duration.ofSeconds(60)))
                .responseTimeout(Duration.ofSeconds(60)).build();
    }

    @AfterAll
    static void stop() {
        backend.server.stop(0);
    }

    @Test
    void expertsWithTheirEvidenceCostOneCallPerLevel() {
        String community = GlobalId.encode(NodeType.COMMUNITY, "c1");
        graphQl.document("""
                        query($c: ID!) { experts(communityId: $c, topics: ["c#", "java"], first: 3, evidence: 2) {
                          totalCount pageInfo { hasNextPage endCursor }
                          nodes { score member { displayName } community { name }
                            topics { topic score evidenceCount
                              evidence { eventId kind weight contribution actor { displayName } question { id } answer { id } } } } } }""")
                .variable("c", community)
                .execute()
                .path("experts.totalCount").entity(Integer.class).isEqualTo(7)
                .path("experts.pageInfo.endCursor").entity(String.class).isEqualTo("rank3")
                .path("experts.nodes[*].member.displayName").entityList(String.class)
                .containsExactly("Member m1", "Member m2", "Member m3")
                .path("experts.nodes[0].community.name").entity(String.class).isEqualTo("Guild")
                .path("experts.nodes[0].topics[0].evidence[0].kind").entity(String.class).isEqualTo("ACCEPTED_ANSWER")
                .path("experts.nodes[0].topics[0].evidence[0].actor.displayName").entity(String.class).isEqualTo("Member asker")
                .path("experts.nodes[0].topics[0].evidence[0].answer.id").entity(String.class)
                .isEqualTo(GlobalId.encode(NodeType.ANSWER, "a-m1"))
                .path("experts.nodes[0].topics[0].evidence[0].question.id").entity(String.class)
                .isEqualTo(GlobalId.encode(NodeType.QUESTION, "q1"))
                .path("experts.nodes[0].topics[0].evidence[1].answer").valueIsNull();

        QueryServiceStub.Request experts = backend.requests.get(0);
        assertThat(experts.path()).isEqualTo("/communities/c1/experts");
        assertThat(experts.query()).contains("topic=c%23").contains("topic=java").contains("first=3").contains("evidence=2")
                .doesNotContain("viewer");
        // experts, then members (experts and actors), communities, questions, answers: one call each per level
        assertThat(backend.requests.stream().map(QueryServiceStub.Request::path).toList()).containsExactlyInAnyOrder(
                "/communities/c1/experts", "/members/batch", "/members/batch", "/communities/batch", "/questions/batch",
                "/answers/batch");
    }

    @Test
    void badArgumentsAreRefusedBeforeAnyCall() {
        graphQl.document("{ experts(communityId: \"" + GlobalId.encode(NodeType.COMMUNITY, "c1")
                        + "\", topics: [\"java\"], evidence: 21) { totalCount } }")
                .execute().errors().satisfy(single("BAD_REQUEST", "INVALID_EVIDENCE_LIMIT"));
        graphQl.document("{ experts(communityId: \"" + GlobalId.encode(NodeType.QUESTION, "q1")
                        + "\", topics: [\"java\"]) { totalCount } }")
                .execute().errors().satisfy(single("BAD_REQUEST", "INVALID_ID"));
        graphQl.document("{ experts(communityId: \"" + GlobalId.encode(NodeType.COMMUNITY, "c1")
                        + "\", topics: [\"java\"], first: 101) { totalCount } }")
                .execute().errors().satisfy(single("BAD_REQUEST", "INVALID_PAGE_SIZE"));
        assertThat(backend.requests).isEmpty();
    }

    @Test
    void aPrivateCommunitysRefusalKeepsItsCodeAndAMissingConnectionIsNull() {
        graphQl.document("{ experts(communityId: \"" + GlobalId.encode(NodeType.COMMUNITY, "secret")
                        + "\", topics: [\"java\"]) { totalCount } }")
                .execute().errors().satisfy(single("FORBIDDEN", "PRIVATE_COMMUNITY"));
        graphQl.document("query($a: ID!, $b: ID!) { connection(from: $a, to: $b) { nodes { kind } } }")
                .variable("a", GlobalId.encode(NodeType.MEMBER, "m1"))
                .variable("b", GlobalId.encode(NodeType.MEMBER, "m2"))
                .execute()
                .path("connection").valueIsNull();
        assertThat(backend.requests.get(1).path()).isEqualTo("/members/m1/connection/m2");
    }

    /** Answers the few routes these tests need from canned views, and records every request. */
    static final class QueryServiceStub {

        record Request(String path, String query) {
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
                String path = exchange.getRequestURI().getRawPath();
                String query = Objects.requireNonNullElse(exchange.getRequestURI().getRawQuery(), "");
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                requests.add(new Request(path, query));
                if (path.equals("/communities/c1/experts")) {
                    send(exchange, 200, experts());
                } else if (path.equals("/communities/secret/experts")) {
                    send(exchange, 403, new ErrorBody("FORBIDDEN", "PRIVATE_COMMUNITY", "Members only."));
                } else if (path.startsWith("/members/") && path.contains("/connection/")) {
                    send(exchange, 404, new ErrorBody("NOT_FOUND", "NO_CONNECTION", "No path."));
                } else if (path.equals("/members/batch")) {
                    send(exchange, 200, ids(body).stream().map(id -> Views.member(id, "Member " + id)).toList());
                } else if (path.equals("/communities/batch")) {
                    send(exchange, 200, ids(body).stream().map(id -> Views.community(id, "Guild", "m1")).toList());
                } else if (path.equals("/questions/batch")) {
                    send(exchange, 200, ids(body).stream().map(id -> Views.question(id, "c1", "asker", 0, List.of())).toList());
                } else if (path.equals("/answers/batch")) {
                    send(exchange, 200, ids(body).stream().map(id -> Views.answer(id, "q1", "c1", "m1")).toList());
                } else {
                    send(exchange, 404, new ErrorBody("NOT_FOUND", "NO_ROUTE", path));
                }
            }
        }

        private List<String> ids(String body) {
            return json.readValue(body, IdBatch.class).ids();
        }

        private static Page<ExpertView> experts() {
            Instant at = Views.T0;
            List<ExpertView> experts = new ArrayList<>();
            for (String member : List.of("m1", "m2", "m3")) {
                List<KnowledgeEvidenceView> evidence = List.of(
                        new KnowledgeEvidenceView("e1-" + member, "AnswerAccepted", "ACCEPTED_ANSWER", "c1", "q1", "a-" + member,
                                "asker", at, 4, 4),
                        new KnowledgeEvidenceView("e2-" + member, "SkillEndorsed", "SKILL_ENDORSEMENT", "c1", null, null,
                                "m9", at, 2, 2));
                experts.add(new ExpertView(member, "c1", 6, List.of(new ExpertiseView("c1", "java", member, 6, 2, at, evidence))));
            }
            return new Page<>(experts, "rank3", true, 7);
        }

        private void send(HttpExchange exchange, int status, Object body) throws IOException {
            byte[] bytes = json.writeValueAsBytes(body);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
        }
    }
}
