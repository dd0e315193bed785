package dev.praxis.gateway;

import dev.praxis.api.community.CommunityVisibility;
import static dev.praxis.gateway.testing.GraphQlErrors.single;
import static dev.praxis.gateway.testing.Views.answer;
import static dev.praxis.gateway.testing.Views.community;
import static dev.praxis.gateway.testing.Views.member;
import static dev.praxis.gateway.testing.Views.membership;
import static dev.praxis.gateway.testing.Views.question;
import static org.assertj.core.api.Assertions.assertThat;

import dev.praxis.api.community.CommunityRole;
import dev.praxis.api.query.CommunityView;
import dev.praxis.api.query.EndorsementView;
import dev.praxis.api.shared.ErrorBody;
import dev.praxis.gateway.relay.GlobalId;
import dev.praxis.gateway.relay.NodeType;
import dev.praxis.gateway.testing.BackendStub;
import dev.praxis.gateway.testing.Views;
import graphql.introspection.IntrospectionQuery;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.graphql.test.autoconfigure.tester.AutoConfigureHttpGraphQlTester;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The gateway as production runs it (no {@code local} profile), over real HTTP, against a stub of
 * the backend services that records every call it receives.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureHttpGraphQlTester
class PublicApiTest {

    static final BackendStub backend = BackendStub.start();

    @DynamicPropertySource
    static void backendServices(DynamicPropertyRegistry properties) {
        properties.add("praxis.command-service.url", backend::url);
        properties.add("praxis.query-service.url", backend::url);
        // Production verifies tokens with an identity provider's keys; no test here presents a token,
        // so this address is never contacted.
        properties.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", () -> "http://127.0.0.1:9/jwks");
    }

    @Autowired
    HttpGraphQlTester graphQl;

    @Autowired
    WebTestClient http;

    @BeforeEach
    void resetBackend() {
        backend.reset();
    }

    @AfterAll
    static void stopBackend() {
        backend.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "createCommunity(input: {name: \"Gardening\"}) { community { id } }",
            "joinCommunity(input: {communityId: \"Q29tbXVuaXR5OmMx\"}) { community { id } }",
            "askQuestion(input: {communityId: \"Q29tbXVuaXR5OmMx\", title: \"How do roses grow?\", body: \"?\"}) { question { id } }",
            "postAnswer(input: {questionId: \"UXVlc3Rpb246cTE\", body: \"Slowly.\"}) { answer { id } }",
            "vote(input: {postId: \"UXVlc3Rpb246cTE\", direction: UP}) { question { id } }",
            "acceptAnswer(input: {answerId: \"QW5zd2VyOmEx\"}) { answer { id } }",
            "endorseAnswer(input: {answerId: \"QW5zd2VyOmEx\", note: \"Verified\"}) { answer { id } }"})
    void anAnonymousMutationIsUnauthorizedAndSendsNothing(String mutation) {
        graphQl.document("mutation { " + mutation + " }")
                .execute()
                .errors().satisfy(single("UNAUTHORIZED", "AUTHENTICATION_REQUIRED"));

        assertThat(backend.requests()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 101, -1})
    void aPageSizeOutside1To100IsABadRequest(int first) {
        graphQl.document("query($first: Int) { communities(first: $first) { totalCount } }")
                .variable("first", first)
                .execute()
                .errors().satisfy(single("BAD_REQUEST", "INVALID_PAGE_SIZE"));

        assertThat(backend.requests()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 101})
    void aQuestionPageSizeOutside1To100IsABadRequest(int first) {
        backend.add(community("c1", "Gardening", "m1"));

        graphQl.document("query($id: ID!, $first: Int!) { community(id: $id) { questions(first: $first) { totalCount } } }")
                .variable("id", GlobalId.encode(NodeType.COMMUNITY, "c1"))
                .variable("first", first)
                .execute()
                .errors().satisfy(single("BAD_REQUEST", "INVALID_PAGE_SIZE"));

        assertThat(backend.routes()).containsExactly("GET /communities/{id}");
    }

    @Test
    void aPageOf20QuestionsWithAuthorCommunityAndAnswersCostsFourCallsForThePage() {
        backend.add(community("c1", "Gardening", "m0"));
        for (int i = 1; i <= 20; i++) {
            String questionId = "q" + i;
            backend.add(member("m" + i, "Member " + i));
            backend.add(question(questionId, "c1", "m" + i, i, List.of(questionId + "a", questionId + "b")));
            backend.add(answer(questionId + "a", questionId, "c1", "m" + (i % 20 + 1)));
            backend.add(answer(questionId + "b", questionId, "c1", "m" + ((i + 1) % 20 + 1)));
        }

        graphQl.document("""
                        query($id: ID!) {
                          community(id: $id) {
                            name
                            questions(first: 20) {
                              totalCount
                              nodes { id title author { displayName } community { name } answers { id body } }
                            }
                          }
                        }""")
                .variable("id", GlobalId.encode(NodeType.COMMUNITY, "c1"))
                .execute()
                .path("community.questions.totalCount").entity(Integer.class).isEqualTo(20)
                .path("community.questions.nodes").entityList(Object.class).hasSize(20)
                .path("community.questions.nodes[0].id").entity(String.class).isEqualTo(GlobalId.encode(NodeType.QUESTION, "q20"))
                .path("community.questions.nodes[0].author.displayName").entity(String.class).isEqualTo("Member 20")
                .path("community.questions.nodes[0].community.name").entity(String.class).isEqualTo("Gardening")
                .path("community.questions.nodes[0].answers[*].body").entityList(String.class).containsExactly("Answer q20a", "Answer q20b")
                .path("community.questions.nodes[19].author.displayName").entity(String.class).isEqualTo("Member 1");

        // One call for the community asked for, then four for its page of questions, whatever its size:
        // the page itself and one batch for each related field, shared by all 20 questions.
        assertThat(backend.routes()).containsExactlyInAnyOrder(
                "GET /communities/{id}",
                "GET /communities/{id}/questions",
                "POST /members/batch",
                "POST /communities/batch",
                "POST /answers/batch");
        assertThat(backend.ids(backend.requests("POST /members/batch").get(0))).hasSize(20);
        assertThat(backend.ids(backend.requests("POST /communities/batch").get(0))).containsExactly("c1");
        assertThat(backend.ids(backend.requests("POST /answers/batch").get(0))).hasSize(40);
    }

    @Test
    void nestedAnswersAuthorsAndEndorsersAreBatchedPerLevel() {
        backend.add(community("c1", "Gardening", "m1"));
        backend.add(member("m1", "Ada"));
        backend.add(member("m2", "Grace"));
        List<String> questionIds = new ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            backend.add(question("q" + i, "c1", "m1", i, List.of("a" + i)));
            backend.add(answer("a" + i, "q" + i, "c1", "m2", new EndorsementView("m1", "Checked", Views.T0)));
            questionIds.add(GlobalId.encode(NodeType.QUESTION, "q" + i));
        }

        graphQl.document("""
                        query($ids: [ID!]!) {
                          nodes(ids: $ids) {
                            ... on Question { answers { author { displayName } question { id } endorsements { endorser { displayName } note } } }
                          }
                        }""")
                .variable("ids", questionIds)
                .execute()
                .path("nodes").entityList(Object.class).hasSize(10)
                .path("nodes[3].answers[0].author.displayName").entity(String.class).isEqualTo("Grace")
                .path("nodes[3].answers[0].question.id").entity(String.class).isEqualTo(questionIds.get(3))
                .path("nodes[3].answers[0].endorsements[0].endorser.displayName").entity(String.class).isEqualTo("Ada");

        assertThat(backend.routes()).containsExactlyInAnyOrder(
                "POST /questions/batch",
                "POST /answers/batch",
                "POST /members/batch",
                "POST /questions/batch",
                "POST /members/batch");
    }

    @Test
    void connectionsPassTheQueryServicesCursorsThrough() {
        for (int i = 1; i <= 3; i++) {
            backend.add(new CommunityView("c" + i, "Community " + i, null, "m1",
                    Views.T0.plusSeconds(i), 1, 0, CommunityVisibility.PUBLIC));
        }

        graphQl.document("{ communities(first: 2) { totalCount edges { cursor node { name } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }")
                .execute()
                .path("communities.totalCount").entity(Integer.class).isEqualTo(3)
                .path("communities.edges[*].node.name").entityList(String.class).containsExactly("Community 3", "Community 2")
                .path("communities.edges[0].cursor").valueIsNull()
                .path("communities.edges[1].cursor").entity(String.class).isEqualTo("at+2")
                .path("communities.pageInfo.endCursor").entity(String.class).isEqualTo("at+2")
                .path("communities.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(true)
                .path("communities.pageInfo.hasPreviousPage").entity(Boolean.class).isEqualTo(false);

        // The cursor contains a '+', which must reach the query service as a '+', not as a space.
        graphQl.document("{ communities(first: 2, after: \"at+2\") { nodes { name createdAt } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }")
                .execute()
                .path("communities.nodes[*].name").entityList(String.class).containsExactly("Community 1")
                .path("communities.nodes[0].createdAt").entity(String.class).isEqualTo("2025-03-01T09:30:01Z")
                .path("communities.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(false)
                .path("communities.pageInfo.hasPreviousPage").entity(Boolean.class).isEqualTo(true)
                .path("communities.pageInfo.startCursor").entity(String.class).isEqualTo("at+3");
        assertThat(backend.requests().get(1).query()).containsEntry("after", "at+2").containsEntry("first", "2");
    }

    @Test
    void anOperationThatWouldMultiplyBackendCallsIsRefusedBeforeItRuns() {
        graphQl.document("{ communities(first: 100) { nodes { questions(first: 100) { nodes { answers { author { displayName } } } } } } }")
                .execute()
                .errors().satisfy(single("BAD_REQUEST", "QUERY_TOO_COMPLEX"));

        assertThat(backend.requests()).isEmpty();
    }

    @Test
    void anOperationNestedTooDeeplyIsRefusedBeforeItRuns() {
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
    void introspectionIsOffInProduction() {
        graphQl.document(IntrospectionQuery.INTROSPECTION_QUERY)
                .execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement()
                        .satisfies(error -> assertThat(error.getExtensions()).containsEntry("classification", "IntrospectionDisabled")))
                .path("__schema").pathDoesNotExist();
        graphQl.document("{ __type(name: \"Query\") { name } }")
                .execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement()
                        .satisfies(error -> assertThat(error.getExtensions()).containsEntry("classification", "IntrospectionDisabled")));
        // What every client needs from the type system still answers.
        graphQl.document("{ __typename }").execute().path("__typename").entity(String.class).isEqualTo("Query");
    }

    @Test
    void aMalformedIdIsABadRequestWithoutABackendCall() {
        graphQl.document("{ question(id: \"definitely-not-an-id\") { title } }")
                .execute()
                .errors().satisfy(single("BAD_REQUEST", "INVALID_ID"));
        graphQl.document("query($id: ID!) { community(id: $id) { name } }")
                .variable("id", GlobalId.encode(NodeType.QUESTION, "q1"))
                .execute()
                .errors().satisfy(single("BAD_REQUEST", "INVALID_ID"));
        graphQl.document("{ node(id: \"Tm9wZTox\") { id } }")
                .execute()
                .errors().satisfy(single("BAD_REQUEST", "INVALID_ID"));

        assertThat(backend.requests()).isEmpty();
    }

    /** As GitHub answers it: null, and a NOT_FOUND error at the path (an unreadable object answers alike). */
    @Test
    void aWellFormedIdOfNothingIsNullWithANotFoundError() {
        backend.add(community("c1", "Gardening", "m1"));
        String missingQuestion = GlobalId.encode(NodeType.QUESTION, "nope");
        String gardening = GlobalId.encode(NodeType.COMMUNITY, "c1");

        graphQl.document("query($missing: ID!, $ids: [ID!]!) { question(id: $missing) { id } node(id: $missing) { id } "
                        + "nodes(ids: $ids) { __typename id ... on Community { name } } }")
                .variable("missing", missingQuestion)
                .variable("ids", List.of(gardening, missingQuestion, gardening))
                .execute()
                .errors().satisfy(errors -> {
                    assertThat(errors).extracting(error -> error.getParsedPath().toString(),
                                    error -> error.getErrorType().toString(), error -> error.getExtensions().get("code"))
                            .containsExactlyInAnyOrder(
                                    org.assertj.core.groups.Tuple.tuple("[question]", "NOT_FOUND", "UNKNOWN_QUESTION"),
                                    org.assertj.core.groups.Tuple.tuple("[node]", "NOT_FOUND", "UNKNOWN_NODE"),
                                    org.assertj.core.groups.Tuple.tuple("[nodes, 1]", "NOT_FOUND", "UNKNOWN_NODE"));
                })
                .path("question").valueIsNull()
                .path("node").valueIsNull()
                .path("nodes[0].__typename").entity(String.class).isEqualTo("Community")
                .path("nodes[0].id").entity(String.class).isEqualTo(gardening)
                .path("nodes[0].name").entity(String.class).isEqualTo("Gardening")
                .path("nodes[1]").valueIsNull()
                .path("nodes[2].name").entity(String.class).isEqualTo("Gardening");
    }

    @Test
    void aMembersReputationIsTheTotalOrThatOfOneCommunity() {
        backend.add(member("m1", "Ada", membership("c1", CommunityRole.OWNER, 40), membership("c2", CommunityRole.MEMBER, 2)));
        backend.add(community("c1", "Gardening", "m1"));
        backend.add(community("c2", "Baking", "m9"));

        graphQl.document("""
                        query($id: ID!, $c2: ID!, $c3: ID!) {
                          member(id: $id) {
                            displayName total: reputation inC2: reputation(communityId: $c2) inC3: reputation(communityId: $c3)
                            memberships { role reputation joinedAt community { name } }
                          }
                        }""")
                .variable("id", GlobalId.encode(NodeType.MEMBER, "m1"))
                .variable("c2", GlobalId.encode(NodeType.COMMUNITY, "c2"))
                .variable("c3", GlobalId.encode(NodeType.COMMUNITY, "c3"))
                .execute()
                .path("member.total").entity(Integer.class).isEqualTo(42)
                .path("member.inC2").entity(Integer.class).isEqualTo(2)
                .path("member.inC3").entity(Integer.class).isEqualTo(1)
                .path("member.memberships[*].community.name").entityList(String.class).containsExactly("Gardening", "Baking")
                .path("member.memberships[0].role").entity(String.class).isEqualTo("OWNER")
                .path("member.memberships[0].joinedAt").entity(String.class).isEqualTo("2025-03-01T09:30:00Z");
    }

    @Test
    void theQueryServicesRefusalsKeepTheirKindCodeAndMessage() {
        backend.add(community("c1", "Gardening", "m1"));
        backend.refuse("GET /communities/{id}/questions", 400,
                new ErrorBody("INVALID_INPUT", "INVALID_CURSOR", "The cursor is not one of ours."));
        backend.refuse("GET /questions/{id}", 503,
                new ErrorBody("UNAVAILABLE", "NOT_CAUGHT_UP", "The read models have not caught up yet."));

        graphQl.document("query($id: ID!) { community(id: $id) { questions(first: 5, after: \"forged\") { totalCount } } }")
                .variable("id", GlobalId.encode(NodeType.COMMUNITY, "c1"))
                .execute()
                .errors().satisfy(errors -> {
                    single("BAD_REQUEST", "INVALID_CURSOR").accept(errors);
                    assertThat(errors.get(0).getMessage()).isEqualTo("The cursor is not one of ours.");
                });
        graphQl.document("query($id: ID!) { question(id: $id) { title } }")
                .variable("id", GlobalId.encode(NodeType.QUESTION, "q1"))
                .execute()
                .errors().satisfy(single("UNAVAILABLE", "NOT_CAUGHT_UP"));
    }

    @Test
    void anUnexpectedBackendFailureIsAnOpaqueInternalError() {
        backend.refuse("GET /questions/{id}", 500, new ErrorBody(null, null, "java.lang.NullPointerException at Foo.java:42"));

        graphQl.document("query($id: ID!) { question(id: $id) { title } }")
                .variable("id", GlobalId.encode(NodeType.QUESTION, "q1"))
                .execute()
                .errors().satisfy(errors -> {
                    single("INTERNAL_ERROR", null).accept(errors);
                    assertThat(errors.get(0).getMessage()).doesNotContain("NullPointer", "Foo.java");
                });
    }

    @Test
    void theViewerOfAnAnonymousCallerIsNull() {
        graphQl.document("{ viewer { id } }").execute().path("viewer").valueIsNull();

        assertThat(backend.requests()).isEmpty();
    }

    @Test
    void theDevelopmentTokenIssuerDoesNotExistOutsideTheLocalProfile() {
        http.post().uri("/dev/token")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("memberId", "alice", "name", "Alice Adams"))
                .exchange()
                .expectStatus().value(status -> assertThat(status).isIn(401, 404));
        http.get().uri("/graphiql").exchange().expectStatus().value(status -> assertThat(status).isIn(401, 404));
    }

    @Test
    void aBadBearerTokenIsRefusedAtTheDoor() {
        http.post().uri("/graphql")
                .header("Authorization", "Bearer not-a-jwt")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("query", "{ viewer { id } }"))
                .exchange()
                .expectStatus().isUnauthorized();
    }

    @Test
    void healthIsOpenAndEverythingElseIsClosed() {
        http.get().uri("/actuator/health").exchange().expectStatus().isOk();
        http.get().uri("/actuator/env").exchange().expectStatus().isUnauthorized();
        http.get().uri("/anything").exchange().expectStatus().isUnauthorized();
    }
}
