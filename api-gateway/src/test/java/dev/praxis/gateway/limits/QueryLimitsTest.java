package dev.praxis.gateway.limits;

import static dev.praxis.gateway.testing.GraphQlErrors.single;
import static dev.praxis.gateway.testing.Views.community;
import static org.assertj.core.api.Assertions.assertThat;

import dev.praxis.gateway.relay.GlobalId;
import dev.praxis.gateway.relay.NodeType;
import dev.praxis.gateway.testing.BackendStub;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.graphql.test.autoconfigure.tester.AutoConfigureHttpGraphQlTester;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.graphql.MediaTypes;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Every limit of the public API, over real HTTP against a stub of the backend services that counts
 * the requests it receives: each over-limit request is refused with a typed error and a code, and
 * (the timeout excepted, which by its nature waits on a backend) no backend receives anything.
 *
 * <p>The limits are set low here so that small documents reach them, and a point is one backend
 * request (GitHub divides by 100), so that costs are easy to read.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "praxis.graphql.requests-per-point=1",
        "praxis.graphql.max-cost=50",
        "praxis.graphql.budget-per-hour=100",
        "praxis.graphql.max-aliases=5",
        "praxis.graphql.max-request-size=2KB",
        "praxis.graphql.max-batch-operations=3",
        "praxis.graphql.timeout=3s"})
@AutoConfigureHttpGraphQlTester
@ActiveProfiles("local")
class QueryLimitsTest {

    static final BackendStub backend = BackendStub.start();

    /** Costs 1 request for the page of communities and 1 per community for its questions: 40 points. */
    static final String COSTS_40 = "{ communities(first: 39) { nodes { questions(first: 1) { totalCount } } } }";

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
    void resetBackend() {
        // A loaded machine can take seconds over a fresh context's first request.
        http = http.mutate().responseTimeout(Duration.ofSeconds(30)).build();
        backend.reset();
    }

    @AfterAll
    static void stopBackend() {
        backend.close();
    }

    @Test
    void anOperationNestedTooDeeplyIsRefused() {
        String selection = "id";
        for (int i = 0; i < 11; i++) {
            selection = "answers { question { " + selection + " } }";
        }

        graphQl.document("query($id: ID!) { question(id: $id) { " + selection + " } }")
                .variable("id", GlobalId.encode(NodeType.QUESTION, "q1"))
                .execute()
                .errors().satisfy(single("BAD_REQUEST", "QUERY_TOO_DEEP"));

        assertThat(backend.requests()).isEmpty();
    }

    @Test
    void anOperationThatCostsMoreThanTheMaximumIsRefused() {
        // 1 request for the page of 60 communities + 60 for their questions: 61 points, over 50.
        graphQl.document("{ communities(first: 60) { nodes { questions(first: 1) { totalCount } } } }")
                .execute()
                .errors().satisfy(errors -> {
                    single("BAD_REQUEST", "QUERY_TOO_COSTLY").accept(errors);
                    assertThat(errors.get(0).getMessage()).contains("costs 61 points", "at most 50");
                });

        assertThat(backend.requests()).isEmpty();
    }

    @Test
    void theCostCountsEveryConnectionAtItsPageSizeAndIsReadableInTheResponse() {
        for (int i = 1; i <= 10; i++) {
            backend.add(community("c" + i, "Community " + i, "m1"));
        }

        // GitHub's rule: the page of communities is 1 request, and each of its (at most) 10 communities
        // asks for a page of questions: 10 more. 11 requests, 11 points here (GitHub: 1).
        http.post().uri("/graphql")
                .headers(headers -> headers.setBearerAuth(token("carol")))
                .contentType(MediaType.APPLICATION_JSON)
                .accept(MediaTypes.APPLICATION_GRAPHQL_RESPONSE)
                .bodyValue(Map.of("query", """
                        { communities(first: 10) { nodes { name questions(first: 5) { totalCount } } }
                          rateLimit { cost limit remaining used resetAt } }"""))
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("X-RateLimit-Limit", "100")
                .expectHeader().valueEquals("X-RateLimit-Remaining", "89")
                .expectHeader().valueEquals("X-RateLimit-Used", "11")
                .expectHeader().exists("X-RateLimit-Reset")
                .expectBody()
                .jsonPath("$.data.communities.nodes.length()").isEqualTo(10)
                .jsonPath("$.data.rateLimit.cost").isEqualTo(11)
                .jsonPath("$.data.rateLimit.limit").isEqualTo(100)
                .jsonPath("$.data.rateLimit.remaining").isEqualTo(89)
                .jsonPath("$.data.rateLimit.used").isEqualTo(11)
                .jsonPath("$.data.rateLimit.resetAt").value(resetAt -> assertThat(Instant.parse((String) resetAt))
                        .isBetween(Instant.now().plus(Duration.ofMinutes(59)), Instant.now().plus(Duration.ofMinutes(61))))
                .jsonPath("$.extensions.rateLimit.cost").isEqualTo(11)
                .jsonPath("$.extensions.rateLimit.remaining").isEqualTo(89);
    }

    @Test
    void aCallerWhoseBudgetIsSpentIsRefusedUntilItRenewsAndOthersAreNot() {
        String alice = token("alice");
        spend(alice, 200, 60);
        spend(alice, 200, 20);
        backend.reset();

        http.post().uri("/graphql")
                .headers(headers -> headers.setBearerAuth(alice))
                .contentType(MediaType.APPLICATION_JSON)
                .accept(MediaTypes.APPLICATION_GRAPHQL_RESPONSE)
                .bodyValue(Map.of("query", COSTS_40))
                .exchange()
                .expectStatus().isEqualTo(429)
                .expectHeader().valueEquals("X-RateLimit-Remaining", "20")
                .expectBody()
                .jsonPath("$.data").doesNotExist()
                .jsonPath("$.errors.length()").isEqualTo(1)
                .jsonPath("$.errors[0].extensions.classification").isEqualTo("RATE_LIMITED")
                .jsonPath("$.errors[0].extensions.code").isEqualTo("RATE_LIMITED")
                .jsonPath("$.errors[0].message").value(message -> assertThat((String) message)
                        .contains("costs 40 points", "20 are left", "renews at"))
                .jsonPath("$.extensions.rateLimit.remaining").isEqualTo(20);
        assertThat(backend.requests()).isEmpty();

        // The budget is the member's own: another member, and the anonymous callers, still have theirs.
        spend(token("bob"), 200, 60);
    }

    @Test
    void aDocumentWithTooManyAliasesIsRefusedBeforeItIsValidated() {
        graphQl.document("{ a: communities(first: 1) { totalCount } b: communities(first: 1) { totalCount } "
                        + "c: communities(first: 1) { totalCount } d: communities(first: 1) { totalCount } "
                        + "e: communities(first: 1) { totalCount } f: communities(first: 1) { totalCount } }")
                .execute()
                .errors().satisfy(single("BAD_REQUEST", "TOO_MANY_ALIASES"));

        assertThat(backend.requests()).isEmpty();
    }

    @Test
    void aRequestBodyLargerThanTheLimitIsRefusedUnread() {
        String padding = " ".repeat(3000);

        http.post().uri("/graphql")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("query", "{ communities(first: 1) { totalCount }" + padding + "}"))
                .exchange()
                .expectStatus().isEqualTo(413)
                .expectBody()
                .jsonPath("$.errors[0].extensions.classification").isEqualTo("BAD_REQUEST")
                .jsonPath("$.errors[0].extensions.code").isEqualTo("REQUEST_TOO_LARGE");

        assertThat(backend.requests()).isEmpty();
    }

    @Test
    void aBatchOfMoreOperationsThanAllowedIsRefusedWhole() {
        Map<String, String> operation = Map.of("query", "{ communities(first: 1) { totalCount } }");

        http.post().uri("/graphql")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(List.of(operation, operation, operation, operation))
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].extensions.classification").isEqualTo("BAD_REQUEST")
                .jsonPath("$.errors[0].extensions.code").isEqualTo("TOO_MANY_OPERATIONS")
                .jsonPath("$.errors[0].message").isEqualTo("A batch holds 1 to 3 operations; this one holds 4.");

        assertThat(backend.requests()).isEmpty();
    }

    @Test
    void aBatchWithinTheLimitAnswersEachOperationInOrder() {
        backend.add(community("c1", "Gardening", "m1"));

        http.post().uri("/graphql")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(List.of(
                        Map.of("query", "{ communities(first: 1) { totalCount } }"),
                        Map.of("query", "query($id: ID!) { community(id: $id) { name } }",
                                "variables", Map.of("id", GlobalId.encode(NodeType.COMMUNITY, "c1")))))
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.length()").isEqualTo(2)
                .jsonPath("$[0].data.communities.totalCount").isEqualTo(1)
                .jsonPath("$[1].data.community.name").isEqualTo("Gardening")
                .jsonPath("$[1].extensions.rateLimit.cost").isEqualTo(1);

        assertThat(backend.routes()).containsExactly("GET /communities", "GET /communities/{id}");
    }

    @Test
    void aRequestThatRunsLongerThanTheTimeoutIsAnsweredWithATypedError() {
        backend.delay("GET /communities", Duration.ofSeconds(6));
        long start = System.nanoTime();

        graphQl.document("{ communities(first: 1) { totalCount } }")
                .execute()
                .errors().satisfy(errors -> {
                    single("UNAVAILABLE", "TIMEOUT").accept(errors);
                    assertThat(errors.get(0).getMessage()).contains("longer than 3 s");
                });

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void aTimedOutOperationDoesNotHoldUpTheNextOnes() {
        backend.add(community("c1", "Gardening", "m1"));
        backend.delay("GET /communities", Duration.ofSeconds(6));
        graphQl.document("{ communities(first: 1) { totalCount } }")
                .execute()
                .errors().satisfy(single("UNAVAILABLE", "TIMEOUT"));
        backend.delay("GET /communities", Duration.ZERO);

        // the timed-out operation's thread is still blocked in its backend read for 3 more seconds
        long start = System.nanoTime();
        for (int i = 0; i < 4; i++) {
            graphQl.document("{ communities(first: 1) { totalCount } }")
                    .execute()
                    .path("communities.totalCount").entity(Integer.class).isEqualTo(1);
        }
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
    }

    /** Sends {@link #COSTS_40} as this member and checks the budget left afterwards. */
    private void spend(String token, int status, int remaining) {
        http.post().uri("/graphql")
                .headers(headers -> headers.setBearerAuth(token))
                .contentType(MediaType.APPLICATION_JSON)
                .accept(MediaTypes.APPLICATION_GRAPHQL_RESPONSE)
                .bodyValue(Map.of("query", COSTS_40))
                .exchange()
                .expectStatus().isEqualTo(status)
                .expectBody()
                .jsonPath("$.errors").doesNotExist()
                .jsonPath("$.extensions.rateLimit.cost").isEqualTo(40)
                .jsonPath("$.extensions.rateLimit.remaining").isEqualTo(remaining);
    }

    @SuppressWarnings("unchecked")
    private String token(String memberId) {
        Map<String, String> answer = http.post().uri("/dev/token")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("memberId", memberId, "name", memberId))
                .exchange()
                .expectStatus().isOk()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
        return answer.get("token");
    }
}
