package dev.praxis.gateway.protocol;

import static dev.praxis.gateway.testing.Views.community;
import static org.assertj.core.api.Assertions.assertThat;

import dev.praxis.api.shared.ErrorBody;
import dev.praxis.gateway.relay.GlobalId;
import dev.praxis.gateway.relay.NodeType;
import dev.praxis.gateway.testing.BackendStub;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.graphql.test.autoconfigure.tester.AutoConfigureHttpGraphQlTester;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.graphql.MediaTypes;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.util.UriBuilder;

/**
 * The GraphQL over HTTP protocol as production (no {@code local} profile) serves it: media types,
 * status codes, queries over GET, automatic persisted queries, and masked internal errors.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureHttpGraphQlTester
@ExtendWith(OutputCaptureExtension.class)
class GraphQlOverHttpTest {

    static final BackendStub backend = BackendStub.start();

    static final String COMMUNITY_NAME = "query($id: ID!) { community(id: $id) { name } }";

    @DynamicPropertySource
    static void backendServices(DynamicPropertyRegistry properties) {
        properties.add("praxis.command-service.url", backend::url);
        properties.add("praxis.query-service.url", backend::url);
        properties.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", () -> "http://127.0.0.1:9/jwks");
    }

    @Autowired
    WebTestClient http;

    @BeforeEach
    void resetBackend() {
        // A loaded machine can take seconds over a fresh context's first request.
        http = http.mutate().responseTimeout(Duration.ofSeconds(30)).build();
        backend.reset();
        backend.add(community("c1", "Gardening", "m1"));
    }

    @AfterAll
    static void stopBackend() {
        backend.close();
    }

    @Test
    void aClientThatAcceptsTheGraphqlResponseMediaTypeGetsIt() {
        post(Map.of("query", COMMUNITY_NAME, "variables", Map.of("id", gardening())), MediaTypes.APPLICATION_GRAPHQL_RESPONSE)
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaTypes.APPLICATION_GRAPHQL_RESPONSE)
                .expectBody().jsonPath("$.data.community.name").isEqualTo("Gardening");
    }

    @Test
    void aDocumentThatDoesNotValidateIs400ForTheGraphqlResponseMediaTypeAnd200ForPlainJson() {
        Map<String, Object> invalid = Map.of("query", "{ communities(first: 1) { noSuchField } }");

        post(invalid, MediaTypes.APPLICATION_GRAPHQL_RESPONSE)
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.data").doesNotExist()
                .jsonPath("$.errors[0].extensions.classification").isEqualTo("ValidationError");
        post(invalid, MediaType.APPLICATION_JSON)
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectBody().jsonPath("$.errors[0].extensions.classification").isEqualTo("ValidationError");
        assertThat(backend.requests()).isEmpty();
    }

    @Test
    void aBodyThatIsNotJsonIsABadRequest() {
        http.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON).bodyValue("{ not json")
                .exchange()
                .expectStatus().isBadRequest();
        assertThat(backend.requests()).isEmpty();
    }

    @Test
    void aQueryMayComeAsAGet() {
        http.get().uri(uri -> uri.path("/graphql")
                        .queryParam("query", "{query}")
                        .queryParam("variables", "{variables}")
                        .build(COMMUNITY_NAME, "{\"id\": \"" + gardening() + "\"}"))
                .accept(MediaTypes.APPLICATION_GRAPHQL_RESPONSE)
                .exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaTypes.APPLICATION_GRAPHQL_RESPONSE)
                .expectHeader().exists("X-RateLimit-Remaining")
                .expectBody().jsonPath("$.data.community.name").isEqualTo("Gardening");
    }

    @Test
    void aMutationNeverRunsOverGet() {
        http.get().uri(uri -> uri.path("/graphql").queryParam("query", "{query}")
                        .build("mutation { createCommunity(input: {name: \"Gardening\"}) { community { id } } }"))
                .exchange()
                .expectStatus().isEqualTo(405)
                .expectHeader().valueEquals("Allow", "POST")
                .expectBody().jsonPath("$.errors[0].extensions.code").isEqualTo("GET_ONLY_FOR_QUERIES");

        assertThat(backend.requests()).isEmpty();
    }

    @Test
    void aPersistedQueryIsRegisteredOnAMissAndThenSentByItsHashAlone() {
        String query = "query($id: ID!) { community(id: $id) { name createdAt } }";
        Map<String, Object> byHash = Map.of("persistedQuery", Map.of("version", 1, "sha256Hash", sha256(query)));

        // The client tries the hash alone first; the gateway does not know it yet.
        post(Map.of("variables", Map.of("id", gardening()), "extensions", byHash), MediaType.APPLICATION_JSON)
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.errors[0].message").isEqualTo("PersistedQueryNotFound")
                .jsonPath("$.data").doesNotExist();
        assertThat(backend.requests()).isEmpty();

        // It sends the query with its hash, which registers it ...
        post(Map.of("query", query, "variables", Map.of("id", gardening()), "extensions", byHash), MediaType.APPLICATION_JSON)
                .expectStatus().isOk()
                .expectBody().jsonPath("$.data.community.name").isEqualTo("Gardening");

        // ... and from then on the hash alone does, over POST and over a cacheable GET.
        post(Map.of("variables", Map.of("id", gardening()), "extensions", byHash), MediaType.APPLICATION_JSON)
                .expectStatus().isOk()
                .expectBody().jsonPath("$.data.community.name").isEqualTo("Gardening");
        http.get().uri(uri -> withJson(uri.path("/graphql"), "variables", "{\"id\": \"" + gardening() + "\"}",
                        "extensions", "{\"persistedQuery\": {\"version\": 1, \"sha256Hash\": \"" + sha256(query) + "\"}}"))
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.data.community.createdAt").isEqualTo("2025-03-01T09:30:00Z");
    }

    @Test
    void aQuerySentWithAHashThatIsNotItsOwnIsRefused() {
        Map<String, Object> wrongHash = Map.of("persistedQuery", Map.of("version", 1, "sha256Hash", sha256("{ other }")));

        post(Map.of("query", COMMUNITY_NAME, "variables", Map.of("id", gardening()), "extensions", wrongHash),
                MediaType.APPLICATION_JSON)
                .expectStatus().isOk()
                .expectBody().jsonPath("$.errors[0].message").isEqualTo("PersistedQueryIdInvalid");
        assertThat(backend.requests()).isEmpty();
    }

    @Test
    @SuppressWarnings("unchecked")
    void anUnexpectedFailureIsMaskedAndItsErrorIdLeadsToTheLog(CapturedOutput log) {
        backend.refuse("GET /questions/{id}", 500, new ErrorBody(null, null, "java.lang.NullPointerException at Foo.java:42"));

        Map<String, Object> answer = post(Map.of("query", "query($id: ID!) { question(id: $id) { title } }",
                        "variables", Map.of("id", GlobalId.encode(NodeType.QUESTION, "q1"))), MediaType.APPLICATION_JSON)
                .expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();

        Map<String, Object> error = ((List<Map<String, Object>>) answer.get("errors")).get(0);
        Map<String, Object> extensions = (Map<String, Object>) error.get("extensions");
        assertThat(extensions).containsEntry("classification", "INTERNAL_ERROR").containsEntry("code", "INTERNAL");
        String errorId = (String) extensions.get("errorId");
        assertThat(errorId).matches("[0-9a-f-]{36}");
        assertThat((String) error.get("message")).startsWith("Something went wrong on our side")
                .contains(errorId).doesNotContain("NullPointer", "Foo.java");
        assertThat(log.getOut()).contains("errorId=" + errorId);
    }

    private WebTestClient.ResponseSpec post(Map<String, Object> body, MediaType accept) {
        return http.post().uri("/graphql")
                .contentType(MediaType.APPLICATION_JSON)
                .accept(accept)
                .bodyValue(body)
                .exchange();
    }

    private static java.net.URI withJson(UriBuilder uri, String name1, String value1, String name2, String value2) {
        return uri.queryParam(name1, "{v1}").queryParam(name2, "{v2}").build(value1, value2);
    }

    private static String gardening() {
        return GlobalId.encode(NodeType.COMMUNITY, "c1");
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
