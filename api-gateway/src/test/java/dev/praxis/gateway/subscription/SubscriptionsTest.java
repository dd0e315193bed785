package dev.praxis.gateway.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import dev.praxis.api.query.ChangePage;
import dev.praxis.api.query.ChangeView;
import dev.praxis.api.shared.ErrorBody;
import dev.praxis.gateway.relay.GlobalId;
import dev.praxis.gateway.relay.NodeType;
import dev.praxis.gateway.security.LocalTokenIssuer;
import dev.praxis.gateway.testing.Views;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Subscriptions through the gateway's real WebSocket endpoint with a graphql-ws client, against a
 * stub of the query service's change feed: who may connect, what the feed is asked, and how its
 * answers and refusals reach the client.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "praxis.subscriptions.poll-wait=300ms")
@ActiveProfiles("local")
class SubscriptionsTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String QUESTION_CHANGED = """
            subscription($id: ID!, $after: String) {
              questionChanged(id: $id, after: $after) {
                cursor kind occurredAt actor { displayName } question { title author { displayName } } answer { body }
              }
            }""";

    static final ChangeFeedStub feed = start();

    @DynamicPropertySource
    static void backendServices(DynamicPropertyRegistry properties) {
        properties.add("praxis.command-service.url", feed::url);
        properties.add("praxis.query-service.url", feed::url);
    }

    @LocalServerPort
    int port;

    @Autowired
    LocalTokenIssuer issuer;

    /** A question of each test's own, so that no poll of an earlier test's subscription can take this test's pages. */
    private final String q = "q-" + UUID.randomUUID();
    private final String topic = "question:" + q;
    private final String questionId = GlobalId.encode(NodeType.QUESTION, q);

    @BeforeEach
    void backendViews() {
        feed.view("/questions/batch", q, Views.question(q, "c1", "ann", 0, List.of("a1")));
        feed.view("/answers/batch", "a1", Views.answer("a1", q, "c1", "bob"));
        feed.view("/members/batch", "ann", Views.member("ann", "Ann"));
        feed.view("/members/batch", "bob", Views.member("bob", "Bob"));
    }

    @AfterAll
    static void stopFeed() {
        feed.close();
    }

    @Test
    void aTokenThatDoesNotVerifyClosesTheConnectionBeforeAnyOperation() throws Exception {
        String foreignToken = new LocalTokenIssuer(Clock.systemUTC()).issue("mallory", "Mallory").getTokenValue();
        for (Object authorization : List.of("Bearer " + foreignToken, "Bearer not-a-jwt", "Basic bWFsbG9yeQ==", 42)) {
            try (GraphQlWsClient client = connect()) {
                client.init(Map.of("Authorization", authorization));
                assertThat(client.closeCode(WAIT)).as("%s", authorization).isEqualTo(4401);
            }
        }
        assertThat(feed.polls(topic)).isEmpty();
    }

    @Test
    void aSignedInSubscriberReceivesTheChangesInOrderWithCursorsAndResumesAfterTheLastOne() throws Exception {
        feed.page(topic, new ChangePage(List.of(change(42, "ANSWER_POSTED", "a1", "bob"), change(43, "VOTE_CAST", q, null)), 43));
        try (GraphQlWsClient client = connect()) {
            client.init(Map.of("Authorization", "Bearer " + issuer.issue("ann", "Ann").getTokenValue()));
            assertThat(client.next(WAIT).path("type").asString()).isEqualTo("connection_ack");
            client.subscribe("1", QUESTION_CHANGED, Map.of("id", questionId));

            JsonNode first = client.next(WAIT);
            assertThat(first.path("type").asString()).as(first.toString()).isEqualTo("next");
            JsonNode answered = first.at("/payload/data/questionChanged");
            assertThat(answered.path("kind").asString()).isEqualTo("ANSWER_POSTED");
            assertThat(answered.at("/actor/displayName").asString()).isEqualTo("Bob");
            assertThat(answered.at("/answer/body").asString()).isEqualTo("Answer a1");
            assertThat(answered.at("/question/author/displayName").asString()).isEqualTo("Ann");
            JsonNode voted = client.next(WAIT).at("/payload/data/questionChanged");
            assertThat(voted.path("kind").asString()).isEqualTo("VOTE_CAST");
            assertThat(voted.path("actor").isNull()).as("votes are anonymous").isTrue();
            assertThat(voted.path("answer").isNull()).isTrue();
            assertThat(feed.polls(topic).get(0)).containsEntry("viewer", "ann").doesNotContainKey("after");
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (feed.polls(topic).stream().noneMatch(poll -> "43".equals(poll.get("after"))) && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(feed.polls(topic)).as("the next poll asks for what follows the last position scanned")
                    .anySatisfy(poll -> assertThat(poll).containsEntry("after", "43"));
            client.complete("1");
            // a poll already under way when the subscription completed ends (the stub answers within 200 ms)
            Thread.sleep(600);

            int pollsBefore = feed.polls(topic).size();
            client.subscribe("2", QUESTION_CHANGED, Map.of("id", questionId, "after", answered.path("cursor").asString()));
            feed.page(topic, new ChangePage(List.of(change(43, "VOTE_CAST", q, null)), 43));
            assertThat(client.next(WAIT).at("/payload/data/questionChanged/kind").asString()).isEqualTo("VOTE_CAST");
            assertThat(feed.polls(topic).subList(pollsBefore, feed.polls(topic).size()))
                    .as("resuming asks for what follows the cursor").anySatisfy(poll -> assertThat(poll).containsEntry("after", "42"));
        }
    }

    @Test
    void aRefusalOfTheFeedEndsTheSubscriptionWithATypedError() throws Exception {
        feed.page(topic, new ChangePage(List.of(change(42, "ANSWER_POSTED", "a1", "bob")), 42));
        feed.refuse(topic, 403, new ErrorBody("FORBIDDEN", "COMMUNITY_NOT_READABLE", "Only current members may follow this."));
        try (GraphQlWsClient client = connect()) {
            client.init(Map.of());
            assertThat(client.next(WAIT).path("type").asString()).isEqualTo("connection_ack");
            client.subscribe("1", QUESTION_CHANGED, Map.of("id", questionId));

            JsonNode delivered = client.next(WAIT);
            assertThat(delivered.path("type").asString()).as(delivered.toString()).isEqualTo("next");
            JsonNode ended = client.next(WAIT);
            assertThat(ended.path("type").asString()).as(ended.toString()).isEqualTo("error");
            assertThat(ended.at("/payload/0/extensions/classification").asString()).isEqualTo("FORBIDDEN");
            assertThat(ended.at("/payload/0/extensions/code").asString()).isEqualTo("COMMUNITY_NOT_READABLE");
            assertThat(feed.polls(topic)).isNotEmpty().allSatisfy(poll -> assertThat(poll).doesNotContainKey("viewer"));
        }
    }

    @Test
    void aMalformedCursorIsABadRequestAndAsksTheFeedNothing() throws Exception {
        try (GraphQlWsClient client = connect()) {
            client.init(Map.of());
            assertThat(client.next(WAIT).path("type").asString()).isEqualTo("connection_ack");
            client.subscribe("1", QUESTION_CHANGED, Map.of("id", questionId, "after", "bm90LWEtY3Vyc29y"));

            JsonNode refused = client.next(WAIT);
            assertThat(refused.toString()).contains("INVALID_CURSOR");
            assertThat(feed.polls(topic)).isEmpty();
        }
    }

    private ChangeView change(long position, String kind, String subjectId, String actorId) {
        return new ChangeView(position, kind, "c1", q, subjectId, actorId, Instant.parse("2026-07-01T10:00:00Z"));
    }

    private GraphQlWsClient connect() {
        return GraphQlWsClient.connect(URI.create("ws://127.0.0.1:" + port + "/graphql-ws"));
    }

    private static ChangeFeedStub start() {
        try {
            return new ChangeFeedStub();
        }
        catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
