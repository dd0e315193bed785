package dev.praxis.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.praxis.local.LocalConfig;
import dev.praxis.local.LocalSystem;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Subscriptions end to end: a graphql-ws client over a real WebSocket to the gateway, the gateway
 * tailing the query service's change feed, the query service tailing the event store. Events of a
 * private community's question arrive in the order they happened; a client that drops its
 * connection and comes back with its last cursor receives exactly what it missed, none twice; a
 * member banned mid-subscription stops receiving, with a typed error. The tests build on each
 * other's data, in order.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SubscriptionsIT {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String QUESTION_CHANGED = """
            subscription($id: ID!, $after: String) {
              questionChanged(id: $id, after: $after) {
                cursor kind actor { displayName } answer { id body } comment { body } question { title answerCount }
              }
            }""";
    private static final String COMMUNITY_ACTIVITY = """
            subscription($id: ID!) {
              communityActivity(communityId: $id) { cursor kind actor { displayName } question { id title } }
            }""";

    private static final String NOTIFICATIONS = """
            subscription($after: String) {
              notificationReceived(after: $after) { cursor notificationId type actor { displayName } question { id } }
            }""";

    @TempDir
    static Path dataDir;

    private LocalSystem system;
    private GraphQlCaller api;
    private String alice;
    private String bob;
    private String chen;
    private String communityId;
    private String questionId;
    private String firstAnswerId;
    /** Every questionChanged event bob received, across his connections, in the order received. */
    private final List<JsonNode> bobReceived = new ArrayList<>();
    private GraphQlWsConnection chenConnection;

    @BeforeAll
    void start() {
        // a generous start-up time: the end-to-end tests share a small machine
        system = LocalSystem.start(LocalConfig.forTests(dataDir).startupTimeout(Duration.ofMinutes(6)).build());
        api = new GraphQlCaller(system.gatewayUrl());
        alice = api.signIn("alice", "Alice Adams");
        bob = api.signIn("bob", "Bob Brown");
        chen = api.signIn("chen", "Chen Cho");
        communityId = api.data(alice, """
                mutation { createCommunity(input: {name: "Incident Guild", privilegePreset: TEAM, visibility: PRIVATE}) {
                  community { id } } }""", Map.of()).at("/createCommunity/community/id").asText();
        for (String member : List.of("bob", "chen")) {
            api.data(alice, "mutation($c: ID!, $m: ID!) { inviteMember(input: {communityId: $c, memberId: $m}) { community { id } } }",
                    Map.of("c", communityId, "m", globalId("Member", member)));
        }
        api.data(bob, "mutation($c: ID!) { joinCommunity(input: {communityId: $c}) { community { id } } }", Map.of("c", communityId));
        api.data(chen, "mutation($c: ID!) { joinCommunity(input: {communityId: $c}) { community { id } } }", Map.of("c", communityId));
    }

    @AfterAll
    void stop() {
        if (chenConnection != null) {
            chenConnection.close();
        }
        if (system != null) {
            system.close();
        }
    }

    @Test
    @Order(1)
    void aTokenThatDoesNotVerifyIsRefusedAndAnOutsiderCannotFollowAPrivateCommunity() throws Exception {
        try (GraphQlWsConnection forged = GraphQlWsConnection.open(system.gatewayUrl(), bob.substring(0, bob.length() - 4) + "AAAA")) {
            assertThat(forged.closeCode(WAIT)).isEqualTo(4401);
        }
        String dana = api.signIn("dana", "Dana Diaz");
        for (String outsider : new String[] {dana, null}) {
            try (GraphQlWsConnection connection = GraphQlWsConnection.accepted(system.gatewayUrl(), outsider)) {
                connection.subscribe("c", COMMUNITY_ACTIVITY, Map.of("id", communityId));
                assertTypedError(connection.next(WAIT), "FORBIDDEN", "COMMUNITY_NOT_READABLE");
            }
        }
    }

    @Test
    @Order(2)
    void aMemberFollowsTheCommunityAndSeesANewQuestionArrive() throws Exception {
        try (GraphQlWsConnection connection = GraphQlWsConnection.accepted(system.gatewayUrl(), bob)) {
            connection.subscribe("c", COMMUNITY_ACTIVITY, Map.of("id", communityId));
            // "from now on" starts when the gateway's first poll reaches the query service
            Thread.sleep(1_000);
            questionId = api.data(alice, """
                    mutation($c: ID!) { askQuestion(input: {communityId: $c, title: "Why did the nightly rebuild stall?",
                      body: "The projections stopped at one position."}) { question { id } } }""", Map.of("c", communityId))
                    .at("/askQuestion/question/id").asText();

            JsonNode asked = data(connection.next(WAIT), "communityActivity");
            assertThat(asked.get("kind").asText()).isEqualTo("QUESTION_ASKED");
            assertThat(asked.at("/question/id").asText()).isEqualTo(questionId);
            assertThat(asked.at("/actor/displayName").asText()).isEqualTo("Alice Adams");
            bobReceived.add(asked);
        }
    }

    @Test
    @Order(3)
    void eventsArriveInOrderAndReconnectingFromTheLastCursorLosesNoneAndRepeatsNone() throws Exception {
        String askedCursor = bobReceived.get(0).get("cursor").asText();
        bobReceived.clear();
        chenConnection = GraphQlWsConnection.accepted(system.gatewayUrl(), chen);
        chenConnection.subscribe("q", QUESTION_CHANGED, Map.of("id", questionId, "after", askedCursor));

        String lastCursor;
        try (GraphQlWsConnection first = GraphQlWsConnection.accepted(system.gatewayUrl(), bob)) {
            first.subscribe("q", QUESTION_CHANGED, Map.of("id", questionId, "after", askedCursor));
            firstAnswerId = answer(chen, "Gap-aware tokens wait for the missing position.");
            api.data(alice, "mutation($p: ID!) { vote(input: {postId: $p, direction: UP}) { answer { id } } }",
                    Map.of("p", firstAnswerId));
            comment(alice, questionId, "Which processor stalled first?");
            bobReceived.add(data(first.next(WAIT), "questionChanged"));
            bobReceived.add(data(first.next(WAIT), "questionChanged"));
            lastCursor = bobReceived.get(1).get("cursor").asText();
        } // the connection drops; the third event may or may not have reached it: bob resumes after the second

        api.data(alice, """
                mutation($q: ID!) { editQuestion(input: {questionId: $q, title: "Why did the nightly rebuild stall at one position?",
                  body: "The projections stopped at one position for an hour."}) { question { id } } }""", Map.of("q", questionId));
        String secondAnswerId = answer(bob, "Check for a long transaction holding a sequence value.");

        try (GraphQlWsConnection second = GraphQlWsConnection.accepted(system.gatewayUrl(), bob)) {
            second.subscribe("q", QUESTION_CHANGED, Map.of("id", questionId, "after", lastCursor));
            for (int missed = 0; missed < 3; missed++) {
                bobReceived.add(data(second.next(WAIT), "questionChanged"));
            }
            api.data(alice, "mutation($a: ID!) { acceptAnswer(input: {answerId: $a}) { answer { id } } }",
                    Map.of("a", firstAnswerId));
            bobReceived.add(data(second.next(WAIT), "questionChanged"));
            assertThat(second.poll(Duration.ofSeconds(2))).as("nothing more, nothing twice").isNull();
        }

        List<String> expectedKinds = List.of("ANSWER_POSTED", "VOTE_CAST", "COMMENT_ADDED", "QUESTION_EDITED",
                "ANSWER_POSTED", "ANSWER_ACCEPTED");
        assertThat(bobReceived).extracting(change -> change.get("kind").asText()).containsExactlyElementsOf(expectedKinds);
        assertThat(bobReceived).extracting(change -> change.at("/answer/id").asText(null))
                .containsExactly(firstAnswerId, firstAnswerId, null, null, secondAnswerId, firstAnswerId);
        assertThat(bobReceived).extracting(change -> position(change.get("cursor").asText()))
                .as("cursors grow with the global order of the events").isSorted().doesNotHaveDuplicates();
        assertThat(bobReceived.get(1).get("actor").isNull()).as("votes are anonymous").isTrue();
        assertThat(bobReceived.get(2).at("/comment/body").asText()).isEqualTo("Which processor stalled first?");
        assertThat(bobReceived.get(4).at("/question/answerCount").asInt())
                .as("an event's objects reflect at least that event").isGreaterThanOrEqualTo(2);

        List<JsonNode> chenReceived = new ArrayList<>();
        for (int i = 0; i < expectedKinds.size(); i++) {
            chenReceived.add(data(chenConnection.next(WAIT), "questionChanged"));
        }
        assertThat(chenReceived).extracting(change -> change.get("cursor").asText())
                .as("an uninterrupted subscriber saw the very same events")
                .containsExactlyElementsOf(bobReceived.stream().map(change -> change.get("cursor").asText()).toList());
    }

    @Test
    @Order(4)
    void aMemberBannedMidSubscriptionStopsReceivingWithATypedError() throws Exception {
        String lastCursor = bobReceived.get(bobReceived.size() - 1).get("cursor").asText();
        try (GraphQlWsConnection connection = GraphQlWsConnection.accepted(system.gatewayUrl(), bob)) {
            connection.subscribe("q", QUESTION_CHANGED, Map.of("id", questionId, "after", lastCursor));
            assertThat(connection.poll(Duration.ofMillis(500))).isNull();

            api.data(alice, """
                    mutation($c: ID!, $m: ID!) { banMember(input: {communityId: $c, memberId: $m, reason: "Leaked an incident report"}) {
                      member { status } } }""", Map.of("c", communityId, "m", globalId("Member", "bob")));
            comment(alice, questionId, "Members only from here on.");

            JsonNode ended = connection.next(WAIT);
            assertTypedError(ended, "FORBIDDEN", "COMMUNITY_NOT_READABLE");
            assertThat(connection.poll(Duration.ofSeconds(1))).as("nothing after the error").isNull();

            connection.subscribe("again", QUESTION_CHANGED, Map.of("id", questionId, "after", lastCursor));
            assertTypedError(connection.next(WAIT), "FORBIDDEN", "COMMUNITY_NOT_READABLE");
        }
        JsonNode stillMember = data(chenConnection.next(WAIT), "questionChanged");
        assertThat(stillMember.get("kind").asText()).isEqualTo("COMMENT_ADDED");
        assertThat(stillMember.at("/comment/body").asText()).isEqualTo("Members only from here on.");
    }

    @Test
    @Order(5)
    void aMemberFollowsTheirOwnNotificationsAndResumesFromACursor() throws Exception {
        try (GraphQlWsConnection anonymous = GraphQlWsConnection.accepted(system.gatewayUrl(), null)) {
            anonymous.subscribe("n", NOTIFICATIONS, Map.of());
            assertTypedError(anonymous.next(WAIT), "UNAUTHORIZED", "SIGN_IN_REQUIRED");
        }
        String cursor;
        try (GraphQlWsConnection connection = GraphQlWsConnection.accepted(system.gatewayUrl(), alice)) {
            connection.subscribe("n", NOTIFICATIONS, Map.of());
            Thread.sleep(1_000);
            answer(chen, "Check the claim timeout of the token store.");
            JsonNode answered = data(connection.next(WAIT), "notificationReceived");
            assertThat(answered.get("type").asText()).isEqualTo("ANSWER");
            assertThat(answered.at("/actor/displayName").asText()).isEqualTo("Chen Cho");
            assertThat(answered.at("/question/id").asText()).isEqualTo(questionId);
            cursor = answered.get("cursor").asText();
        }
        // while alice is away, chen comments on her question; reconnecting from the cursor delivers exactly that
        comment(chen, questionId, "Or raise the fetch delay.");
        try (GraphQlWsConnection again = GraphQlWsConnection.accepted(system.gatewayUrl(), alice)) {
            again.subscribe("n", NOTIFICATIONS, Map.of("after", cursor));
            JsonNode commented = data(again.next(WAIT), "notificationReceived");
            assertThat(commented.get("type").asText()).isEqualTo("COMMENT");
            assertThat(commented.at("/actor/displayName").asText()).isEqualTo("Chen Cho");
            assertThat(position(commented.get("cursor").asText())).isGreaterThan(position(cursor));
            assertThat(again.poll(Duration.ofSeconds(1))).as("nothing missed, nothing twice").isNull();
        }
    }

    private String answer(String token, String body) {
        return api.data(token, "mutation($q: ID!, $b: String!) { postAnswer(input: {questionId: $q, body: $b}) { answer { id } } }",
                Map.of("q", questionId, "b", body)).at("/postAnswer/answer/id").asText();
    }

    private void comment(String token, String postId, String body) {
        api.data(token, "mutation($p: ID!, $b: String!) { addComment(input: {postId: $p, body: $b}) { comment { id } } }",
                Map.of("p", postId, "b", body));
    }

    private static JsonNode data(JsonNode message, String field) {
        assertThat(message.path("type").asText()).as(message.toString()).isEqualTo("next");
        assertThat(message.at("/payload/errors").isMissingNode()).as(message.toString()).isTrue();
        return message.at("/payload/data/" + field);
    }

    private static void assertTypedError(JsonNode message, String classification, String code) {
        assertThat(message.path("type").asText()).as(message.toString()).isEqualTo("error");
        assertThat(message.at("/payload/0/extensions/classification").asText()).as(message.toString()).isEqualTo(classification);
        assertThat(message.at("/payload/0/extensions/code").asText()).as(message.toString()).isEqualTo(code);
    }

    /** The test peeks inside the opaque cursor only to check the order. */
    private static long position(String cursor) {
        String plain = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        return Long.parseLong(plain.substring(plain.indexOf(':') + 1));
    }

    private static String globalId(String type, String rawId) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((type + ":" + rawId).getBytes(StandardCharsets.UTF_8));
    }
}
