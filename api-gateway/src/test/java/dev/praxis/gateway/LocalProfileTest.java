package dev.praxis.gateway;

import static dev.praxis.gateway.testing.GraphQlErrors.single;
import static dev.praxis.gateway.testing.Views.answer;
import static dev.praxis.gateway.testing.Views.community;
import static dev.praxis.gateway.testing.Views.member;
import static dev.praxis.gateway.testing.Views.question;
import static org.assertj.core.api.Assertions.assertThat;

import dev.praxis.api.community.CreateCommunity;
import dev.praxis.api.question.CastVote;
import dev.praxis.api.question.VoteDirection;
import dev.praxis.api.shared.ErrorBody;
import dev.praxis.gateway.relay.GlobalId;
import dev.praxis.gateway.relay.NodeType;
import dev.praxis.gateway.security.LocalTokenIssuer;
import dev.praxis.gateway.testing.BackendStub;
import dev.praxis.gateway.testing.BackendStub.Request;
import graphql.introspection.IntrospectionQuery;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.graphql.test.autoconfigure.tester.AutoConfigureHttpGraphQlTester;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The gateway in the {@code local} profile: its development token issuer, and mutations made
 * with its tokens against a stub of the backend services.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureHttpGraphQlTester
@ActiveProfiles("local")
class LocalProfileTest {

    static final BackendStub backend = BackendStub.start();

    @DynamicPropertySource
    static void backendServices(DynamicPropertyRegistry properties) {
        properties.add("praxis.command-service.url", backend::url);
        properties.add("praxis.query-service.url", backend::url);
    }

    @Autowired
    HttpGraphQlTester graphQl;

    @Autowired
    WebTestClient http;

    @Autowired
    JwtDecoder jwtDecoder;

    @BeforeEach
    void resetBackend() {
        backend.reset();
    }

    @AfterAll
    static void stopBackend() {
        backend.close();
    }

    @Test
    void theDevelopmentIssuerSignsTwelveHourTokensForAnyMember() {
        Map<String, String> answer = token("alice", "Alice Adams");

        assertThat(answer).containsEntry("memberId", "alice");
        Jwt jwt = jwtDecoder.decode(answer.get("token"));
        assertThat(jwt.getHeaders()).containsEntry("alg", "RS256");
        assertThat(jwt.getClaimAsString("iss")).isEqualTo("praxis-local-dev");
        assertThat(jwt.getSubject()).isEqualTo("alice");
        assertThat(jwt.getClaimAsString("name")).isEqualTo("Alice Adams");
        assertThat(Duration.between(jwt.getIssuedAt(), jwt.getExpiresAt())).isEqualTo(Duration.ofHours(12));
        assertThat(jwtDecoder).as("verified tokens are remembered").isInstanceOf(dev.praxis.gateway.security.VerifiedTokenCache.class);
    }

    @Test
    void theDevelopmentIssuerRefusesAMissingMemberId() {
        http.post().uri("/dev/token").contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("name", "Nobody"))
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.code").isEqualTo("INVALID_MEMBER_ID");
    }

    @Test
    void itsTokenAuthenticatesTheViewer() {
        backend.add(member("alice", "Alice A."));

        as("alice", "Alice Adams").document("{ viewer { id displayName reputation memberships { role } } }")
                .execute()
                .path("viewer.id").entity(String.class).isEqualTo(GlobalId.encode(NodeType.MEMBER, "alice"))
                .path("viewer.displayName").entity(String.class).isEqualTo("Alice A.");
        assertThat(backend.routes()).containsExactly("GET /members/{id}");
    }

    @Test
    void aViewerWhoHasJoinedNothingYetIsStillTheViewer() {
        as("bob", "Bob Brown").document("{ viewer { id displayName reputation memberships { role } } }")
                .execute()
                .path("viewer.id").entity(String.class).isEqualTo(GlobalId.encode(NodeType.MEMBER, "bob"))
                .path("viewer.displayName").entity(String.class).isEqualTo("Bob Brown")
                .path("viewer.reputation").entity(Integer.class).isEqualTo(1)
                .path("viewer.memberships").entityList(Object.class).hasSize(0);
    }

    /**
     * The query service judges what the viewer may read, so every read of a request names them:
     * the top-level field and the nested fields loaded in batches on other threads alike.
     */
    @Test
    void everyReadOfASignedInRequestNamesTheViewerAndAnAnonymousOneNone() {
        backend.add(member("alice", "Alice A."));
        backend.add(community("c1", "Gardening", "alice"));
        backend.add(question("q1", "c1", "alice", 0, List.of()));
        String document = """
                query($id: ID!) { community(id: $id) { name createdBy { displayName }
                  questions(first: 5) { nodes { title author { displayName } community { name } } } } }""";

        as("alice", "Alice Adams").document(document).variable("id", GlobalId.encode(NodeType.COMMUNITY, "c1"))
                .execute()
                .path("community.questions.nodes[0].community.name").entity(String.class).isEqualTo("Gardening");
        assertThat(backend.requests()).hasSizeGreaterThanOrEqualTo(4)
                .allSatisfy(request -> assertThat(request.query()).containsEntry("viewer", "alice"));

        backend.reset();
        backend.add(member("alice", "Alice A."));
        backend.add(community("c1", "Gardening", "alice"));
        backend.add(question("q1", "c1", "alice", 0, List.of()));
        graphQl.document(document).variable("id", GlobalId.encode(NodeType.COMMUNITY, "c1"))
                .execute()
                .path("community.questions.nodes[0].author.displayName").entity(String.class).isEqualTo("Alice A.");
        assertThat(backend.requests()).hasSizeGreaterThanOrEqualTo(4)
                .allSatisfy(request -> assertThat(request.query()).doesNotContainKey("viewer"));
    }

    @Test
    void onlyTheDevelopmentIssuersOwnKeyIsTrusted() {
        String foreign = new LocalTokenIssuer(Clock.systemUTC()).issue("mallory", "Mallory").getTokenValue();

        http.post().uri("/graphql")
                .headers(headers -> headers.setBearerAuth(foreign))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("query", "{ viewer { id } }"))
                .exchange()
                .expectStatus().isUnauthorized();
    }

    @Test
    void createCommunitySendsTheCommandAsTheTokensMemberAndReadsItsOwnWrite() {
        String clientMutationId = "request-7";

        as("alice", "Alice Adams").document("""
                        mutation($input: CreateCommunityInput!) {
                          createCommunity(input: $input) { clientMutationId community { id name } }
                        }""")
                .variable("input", Map.of("name", "Gardening", "description", "Roses and more",
                        "clientMutationId", clientMutationId))
                .execute()
                // The stub has no such community: the read-back reaches the query service and finds nothing.
                .path("createCommunity.clientMutationId").entity(String.class).isEqualTo(clientMutationId)
                .path("createCommunity.community").valueIsNull();

        Request command = backend.requests("POST /commands/{name}").get(0);
        assertThat(command.path()).isEqualTo("/commands/CreateCommunity");
        CreateCommunity sent = backend.body(command, CreateCommunity.class);
        assertThat(UUID.fromString(sent.communityId())).isNotNull();
        assertThat(sent.name()).isEqualTo("Gardening");
        assertThat(sent.description()).isEqualTo("Roses and more");
        assertThat(sent.actorId()).isEqualTo("alice");
        assertThat(sent.actorName()).isEqualTo("Alice Adams");
        assertThat(sent.occurredAt()).isNull();

        Request readBack = backend.requests("GET /communities/{id}").get(0);
        assertThat(readBack.path()).isEqualTo("/communities/" + sent.communityId());
        assertThat(readBack.query()).containsEntry("minPosition", "42");
        assertThat(backend.routes()).containsExactly("POST /commands/{name}", "GET /communities/{id}");
    }

    @Test
    void aVoteOnAnAnswerNamesItsQuestionAndTheReadsWaitForTheVote() {
        backend.add(community("c1", "Gardening", "alice"));
        backend.add(member("alice", "Alice Adams"));
        backend.add(member("bob", "Bob Brown"));
        backend.add(question("q1", "c1", "alice", 1, List.of("a1")));
        backend.add(answer("a1", "q1", "c1", "bob"));

        as("alice", "Alice Adams").document("""
                        mutation($answer: ID!) {
                          vote(input: {postId: $answer, direction: DOWN}) {
                            question { id } answer { id author { displayName } }
                          }
                        }""")
                .variable("answer", GlobalId.encode(NodeType.ANSWER, "a1"))
                .execute()
                .path("vote.question.id").entity(String.class).isEqualTo(GlobalId.encode(NodeType.QUESTION, "q1"))
                .path("vote.answer.id").entity(String.class).isEqualTo(GlobalId.encode(NodeType.ANSWER, "a1"))
                .path("vote.answer.author.displayName").entity(String.class).isEqualTo("Bob Brown");

        CastVote vote = backend.body(backend.requests("POST /commands/{name}").get(0), CastVote.class);
        assertThat(vote).isEqualTo(new CastVote("q1", "a1", VoteDirection.DOWN, "alice", null));
        List<Request> reads = backend.requests().stream().filter(request -> !request.route().startsWith("POST /commands")).toList();
        // The first read finds the answer's question; every read after the command waits for it.
        assertThat(reads.get(0).query()).doesNotContainKey("minPosition");
        assertThat(reads.subList(1, reads.size())).isNotEmpty()
                .allSatisfy(read -> assertThat(read.query()).containsEntry("minPosition", "42"));
    }

    @Test
    void aMutationOnAMissingAnswerIsNotFoundAndSendsNoCommand() {
        as("alice", "Alice Adams").document("mutation($a: ID!) { acceptAnswer(input: {answerId: $a}) { answer { id } } }")
                .variable("a", GlobalId.encode(NodeType.ANSWER, "gone"))
                .execute()
                .errors().satisfy(single("NOT_FOUND", "ANSWER_NOT_FOUND"));

        assertThat(backend.routes()).containsExactly("POST /answers/batch");
    }

    @Test
    void aMutationWithAnIdOfTheWrongTypeSendsNoCommand() {
        as("alice", "Alice Adams").document("mutation($q: ID!) { joinCommunity(input: {communityId: $q}) { community { id } } }")
                .variable("q", GlobalId.encode(NodeType.QUESTION, "q1"))
                .execute()
                .errors().satisfy(single("BAD_REQUEST", "INVALID_ID"));

        assertThat(backend.requests()).isEmpty();
    }

    @Test
    void theCommandServicesRefusalsKeepTheirKindCodeAndMessage() {
        backend.refuse("POST /commands/{name}", 409,
                new ErrorBody("CONFLICT", "ALREADY_MEMBER", "You are already a member of this community."));

        as("alice", "Alice Adams").document("mutation($c: ID!) { joinCommunity(input: {communityId: $c}) { community { id } } }")
                .variable("c", GlobalId.encode(NodeType.COMMUNITY, "c1"))
                .execute()
                .errors().satisfy(errors -> {
                    single("CONFLICT", "ALREADY_MEMBER").accept(errors);
                    assertThat(errors.get(0).getMessage()).isEqualTo("You are already a member of this community.");
                });

        backend.refuse("POST /commands/{name}", 400,
                new ErrorBody("INVALID_INPUT", "TITLE_TOO_SHORT", "The title must have 10 to 150 characters."));
        as("alice", "Alice Adams").document("""
                        mutation($c: ID!) {
                          askQuestion(input: {communityId: $c, title: "Roses?", body: "How?", tags: ["roses"]}) { question { id } }
                        }""")
                .variable("c", GlobalId.encode(NodeType.COMMUNITY, "c1"))
                .execute()
                .errors().satisfy(single("BAD_REQUEST", "TITLE_TOO_SHORT"));

        backend.refuse("POST /commands/{name}", 403,
                new ErrorBody("FORBIDDEN", "NOT_THE_ASKER", "Only the asker can accept an answer."));
        backend.add(answer("a1", "q1", "c1", "bob"));
        as("bob", "Bob Brown").document("mutation($a: ID!) { acceptAnswer(input: {answerId: $a}) { answer { id } } }")
                .variable("a", GlobalId.encode(NodeType.ANSWER, "a1"))
                .execute()
                .errors().satisfy(single("FORBIDDEN", "NOT_THE_ASKER"));
    }

    @Test
    void theDisplayNameComesFromTheTokenNeverFromArguments() {
        as("carol", "Carol Chen").document("mutation($c: ID!) { joinCommunity(input: {communityId: $c}) { clientMutationId } }")
                .variable("c", GlobalId.encode(NodeType.COMMUNITY, "c1"))
                .execute()
                .path("joinCommunity.clientMutationId").valueIsNull();

        assertThat(backend.requests("POST /commands/{name}").get(0).body())
                .contains("\"actorId\":\"carol\"", "\"actorName\":\"Carol Chen\"", "\"communityId\":\"c1\"");
    }

    @Test
    void theFullIntrospectionQueryOfToolsLikeGraphiqlFitsTheLimits() {
        // the whole described schema is larger than the test client's default 256 KB buffer
        HttpGraphQlTester tester = graphQl.mutate()
                .webTestClient(client -> client.codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(4 * 1024 * 1024)))
                .build();
        tester.document(IntrospectionQuery.INTROSPECTION_QUERY)
                .execute()
                .path("__schema.queryType.name").entity(String.class).isEqualTo("Query")
                .path("__schema.mutationType.name").entity(String.class).isEqualTo("Mutation");
    }

    @Test
    void theSchemaIsServedForGraphiqlAndTools() {
        http.get().uri("/graphql/schema").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).value(schema -> assertThat(schema).contains("type Query", "rateLimit: RateLimit"));
    }

    @Test
    void graphiqlIsOffered() {
        http.get().uri("/graphiql").exchange().expectStatus().is3xxRedirection();
    }

    private HttpGraphQlTester as(String memberId, String name) {
        String token = token(memberId, name).get("token");
        return graphQl.mutate().headers(headers -> headers.setBearerAuth(token)).build();
    }

    @SuppressWarnings("unchecked")
    private Map<String, String> token(String memberId, String name) {
        return http.post().uri("/dev/token")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("memberId", memberId, "name", name))
                .exchange()
                .expectStatus().isOk()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
    }

}
