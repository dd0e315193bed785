package dev.praxis.gateway.schema;

import static dev.praxis.gateway.testing.Views.answer;
import static dev.praxis.gateway.testing.Views.community;
import static dev.praxis.gateway.testing.Views.member;
import static org.assertj.core.api.Assertions.assertThat;

import dev.praxis.api.query.EndorsementView;
import dev.praxis.api.query.QuestionView;
import dev.praxis.api.query.RevisionView;
import dev.praxis.gateway.relay.GlobalId;
import dev.praxis.gateway.relay.NodeType;
import dev.praxis.gateway.testing.BackendStub;
import dev.praxis.gateway.testing.Views;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.graphql.test.autoconfigure.tester.AutoConfigureHttpGraphQlTester;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Data loaders batch every nested field: a page of 100 questions with their authors, community,
 * accepted answer, revisions and their editors, answers, the answers' authors, endorsers and
 * revisions costs the same 12 requests to the query service as a page of 10. The backend is a real
 * HTTP server that counts what it receives.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureHttpGraphQlTester
class DataLoaderCallCountTest {

    static final BackendStub backend = BackendStub.start();

    static final String PAGE = """
            query($id: ID!, $first: Int!) {
              community(id: $id) {
                name
                questions(first: $first) {
                  totalCount
                  nodes {
                    id title tags answerCount score createdAt
                    author { displayName reputation }
                    community { name }
                    acceptedAnswer { id author { displayName } }
                    revisions { revision editor { displayName } }
                    answers { id body accepted author { displayName } question { id } endorsements { note endorser { displayName } }
                              revisions { revision } }
                  }
                }
              }
            }""";

    @DynamicPropertySource
    static void backendServices(DynamicPropertyRegistry properties) {
        properties.add("praxis.command-service.url", backend::url);
        properties.add("praxis.query-service.url", backend::url);
        properties.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", () -> "http://127.0.0.1:9/jwks");
    }

    @Autowired
    HttpGraphQlTester graphQl;

    @BeforeAll
    static void aCommunityOf100Questions() {
        backend.reset();
        backend.add(community("c1", "Gardening", "m0"));
        for (int i = 0; i < 120; i++) {
            backend.add(member("m" + i, "Member " + i));
        }
        for (int i = 1; i <= 100; i++) {
            String q = "q" + i;
            Instant createdAt = Views.T0.plusSeconds(60L * i);
            backend.add(new QuestionView(q, "c1", "How do I grow " + q + " well?", "Body of " + q, List.of("roses", "soil"),
                    "m" + i, createdAt, createdAt, i % 7, 2, q + "a", List.of(q + "a", q + "b"), 1, null, null,
                    false, false, false, null, null));
            backend.add(answer(q + "a", q, "c1", "m" + (i + 1), new EndorsementView("m" + (i + 2), "Checked", Views.T0)));
            backend.add(answer(q + "b", q, "c1", "m" + (i + 3)));
            backend.add(new RevisionView(q, 1, "How do I grow " + q + "?", "Body", List.of("roses"), List.of(), null, null,
                    "m" + i, createdAt));
            backend.add(new RevisionView(q, 2, "How do I grow " + q + " well?", "Body of " + q, List.of("roses", "soil"),
                    List.of("title", "body", "tags"), "clearer", null, "m" + (i + 4), createdAt.plusSeconds(30)));
            backend.add(new RevisionView(q + "a", 1, null, "Answer " + q + "a", null, List.of(), null, null, "m" + (i + 1),
                    createdAt));
        }
    }

    @BeforeEach
    void patience() {
        // A loaded machine can take seconds over a fresh context's first request.
        graphQl = graphQl.mutate().webTestClient(client -> client.responseTimeout(Duration.ofSeconds(30))).build();
    }

    @AfterAll
    static void stopBackend() {
        backend.close();
    }

    @Test
    void aPageOf100CostsTheSameRequestsAsAPageOf10() {
        List<String> pageOf10 = requestsFor(10);
        List<String> pageOf100 = requestsFor(100);

        // The community, its page of questions, then one batch per related field and level, whatever
        // the page size. Members come in four batches: the questions' authors; the answers' authors
        // (accepted or not: one loader); the endorsers; the revisions' editors, whose revisions are
        // themselves a batch and so resolve one round later.
        assertThat(pageOf10).containsExactlyInAnyOrder(
                "GET /communities/{id}",
                "GET /communities/{id}/questions",
                "POST /communities/batch",
                "POST /answers/batch",
                "POST /answers/batch",
                "POST /questions/batch",
                "POST /posts/revisions/batch",
                "POST /posts/revisions/batch",
                "POST /members/batch",
                "POST /members/batch",
                "POST /members/batch",
                "POST /members/batch");
        assertThat(pageOf100).containsExactlyInAnyOrderElementsOf(pageOf10);
    }

    @Test
    void theBatchesOfAPageOf100CarryAllItsIds() {
        requestsFor(100);

        List<Integer> memberBatchSizes = backend.requests("POST /members/batch").stream()
                .map(request -> backend.ids(request).size()).toList();
        // 100 question authors; 200 answer authors and 100 accepted-answer authors, among 103 members; 100 endorsers.
        assertThat(memberBatchSizes).anySatisfy(size -> assertThat(size).isGreaterThanOrEqualTo(100));
        assertThat(backend.requests("POST /answers/batch")).anySatisfy(
                request -> assertThat(backend.ids(request)).hasSize(200));
    }

    @Test
    void everyReadOfTheQueryServiceAcceptsJsonAlone() {
        int before = backend.requests().size();
        requestsFor(10);

        // the query service answers JSON only; the HTTP client's default Accept made it negotiate four types
        assertThat(backend.requests().subList(before, backend.requests().size())).isNotEmpty()
                .allSatisfy(request -> assertThat(request.accept()).as(request.route()).isEqualTo("application/json"));
    }

    private List<String> requestsFor(int pageSize) {
        int before = backend.requests().size();
        graphQl.document(PAGE)
                .variable("id", GlobalId.encode(NodeType.COMMUNITY, "c1"))
                .variable("first", pageSize)
                .execute()
                .path("community.questions.nodes").entityList(Object.class).hasSize(pageSize)
                .path("community.questions.nodes[0].author.displayName").entity(String.class).isEqualTo("Member 100")
                .path("community.questions.nodes[0].acceptedAnswer.author.displayName").entity(String.class)
                .isEqualTo("Member 101")
                .path("community.questions.nodes[0].answers[0].endorsements[0].endorser.displayName").entity(String.class)
                .isEqualTo("Member 102")
                .path("community.questions.nodes[0].tags").entityList(String.class).containsExactly("roses", "soil")
                .path("community.questions.nodes[0].revisions[1].editor.displayName").entity(String.class)
                .isEqualTo("Member 104")
                .path("community.questions.nodes[0].answers[0].revisions[0].revision").entity(Integer.class).isEqualTo(1);
        List<String> routes = backend.routes();
        return routes.subList(before, routes.size());
    }
}
