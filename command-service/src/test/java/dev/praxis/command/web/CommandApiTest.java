package dev.praxis.command.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The command API over real HTTP, against PostgreSQL. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CommandApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @DynamicPropertySource
    static void eventStore(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> EmbeddedPostgresForTests.newDatabaseUrl("command_api_test"));
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "postgres");
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    private final HttpClient http = HttpClient.newHttpClient();
    private String communityId;

    @BeforeEach
    void community() throws Exception {
        communityId = UUID.randomUUID().toString();
        post("CreateCommunity", """
                {"communityId": "%s", "name": "Java Practitioners", "actorId": "alice", "actorName": "Alice"}"""
                .formatted(communityId));
    }

    @Test
    void anAcceptedCommandAnswersWithTheIdsItTouchedAndThePositionOfItsLastEvent() throws Exception {
        JsonNode joined = post("JoinCommunity", """
                {"communityId": "%s", "actorId": "bob", "actorName": "Bob"}""".formatted(communityId));

        assertThat(joined.get("ids")).containsExactly(JSON.valueToTree(communityId));
        long last = jdbc.queryForObject("SELECT max(global_index) FROM domain_event_entry", Long.class);
        assertThat(joined.get("position").asLong()).isEqualTo(last);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM community_membership WHERE community_id = ?",
                Integer.class, communityId)).isEqualTo(2);
    }

    @Test
    void eventsAreStoredAsReadableJsonWithWhoAndWhen() throws Exception {
        String questionId = UUID.randomUUID().toString();
        post("AskQuestion", """
                {"questionId": "%s", "communityId": "%s", "title": "How do snapshots work in Axon?",
                 "body": "Details.", "tags": ["axon"], "actorId": "alice"}""".formatted(questionId, communityId));

        String payload = jdbc.queryForObject(
                "SELECT payload FROM domain_event_entry WHERE aggregate_identifier = ?", String.class, questionId);
        JsonNode event = JSON.readTree(payload);
        assertThat(event.get("actorId").asText()).isEqualTo("alice");
        assertThat(event.get("occurredAt").asText()).matches("\\d{4}-\\d{2}-\\d{2}T.*Z");
        assertThat(jdbc.queryForObject("SELECT payload_type FROM domain_event_entry WHERE aggregate_identifier = ?",
                String.class, questionId)).isEqualTo("dev.praxis.api.question.QuestionAsked");
    }

    @Test
    void refusalsAreTypedAndWriteNothing() throws Exception {
        long before = eventCount();

        assertRefused("AskQuestion", """
                {"questionId": "q-%s", "communityId": "%s", "title": "Too short", "body": "b", "actorId": "alice"}"""
                .formatted(UUID.randomUUID(), communityId), 400, "INVALID_INPUT", "TITLE_TOO_SHORT");
        assertRefused("AskQuestion", """
                {"questionId": "q-%s", "communityId": "%s", "title": "A title long enough", "body": "b", "actorId": "eve"}"""
                .formatted(UUID.randomUUID(), communityId), 403, "FORBIDDEN", "NOT_A_MEMBER");
        assertRefused("JoinCommunity", """
                {"communityId": "nowhere", "actorId": "bob"}""", 404, "NOT_FOUND", "UNKNOWN_COMMUNITY");
        assertRefused("JoinCommunity", """
                {"communityId": "%s", "actorId": "alice"}""".formatted(communityId), 409, "CONFLICT", "ALREADY_MEMBER");
        assertRefused("PostAnswer", """
                {"questionId": "nowhere", "answerId": "a1", "body": "b", "actorId": "alice"}""", 404, "NOT_FOUND", "UNKNOWN_QUESTION");
        assertRefused("FlyToTheMoon", "{\"actorId\": \"alice\"}", 404, "NOT_FOUND", "UNKNOWN_COMMAND");
        assertRefused("JoinCommunity", "{\"communityId\": \"x\"}", 400, "INVALID_INPUT", "MISSING_ACTOR");
        assertRefused("JoinCommunity", "not json", 400, "INVALID_INPUT", "MALFORMED_JSON");
        assertRefused("JoinCommunity", """
                {"communityId": "%s", "actorId": "bob", "role": "OWNER"}""".formatted(communityId), 400, "INVALID_INPUT", "INVALID_COMMAND");

        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void expertiseComesFromTheVotesOnAMembersAnswersInTheQuestionsTags() throws Exception {
        String team = UUID.randomUUID().toString();
        post("CreateCommunity", """
                {"communityId": "%s", "name": "Axon Team", "privilegePreset": "TEAM", "actorId": "olga", "actorName": "Olga"}"""
                .formatted(team));
        for (String member : java.util.List.of("bob", "chen", "v1", "v2", "v3", "v4", "v5", "v6", "v7", "v8", "v9", "v10")) {
            post("JoinCommunity", """
                    {"communityId": "%s", "actorId": "%s", "actorName": "%s"}""".formatted(team, member, member));
        }
        String q1 = UUID.randomUUID().toString();
        String q2 = UUID.randomUUID().toString();
        for (String q : java.util.List.of(q1, q2)) {
            post("AskQuestion", """
                    {"questionId": "%s", "communityId": "%s", "title": "How do snapshots work in Axon?", "body": "Details.",
                     "tags": ["axon", "snapshots"], "actorId": "chen"}""".formatted(q, team));
        }
        post("PostAnswer", """
                {"questionId": "%s", "answerId": "a-%s", "body": "Every 100 events.", "actorId": "bob"}""".formatted(q1, q1));
        post("PostAnswer", """
                {"questionId": "%s", "answerId": "a-%s", "body": "Configure a trigger.", "actorId": "chen"}""".formatted(q2, q2));
        for (int i = 1; i <= 10; i++) {
            post("CastVote", """
                    {"questionId": "%s", "postId": "a-%s", "direction": "UP", "actorId": "v%d"}""".formatted(q1, q1, i));
        }
        // turned around and back, retracted and cast again: the score ends where ten upvotes put it
        post("CastVote", """
                {"questionId": "%s", "postId": "a-%s", "direction": "DOWN", "actorId": "v1"}""".formatted(q1, q1));
        assertThat(tagScore(team, "bob", "axon")).isEqualTo(8);
        assertThat(points(team, "bob")).isEqualTo(9 * 10 - 2);
        post("RetractVote", """
                {"questionId": "%s", "postId": "a-%s", "actorId": "v1"}""".formatted(q1, q1));
        assertThat(tagScore(team, "bob", "snapshots")).isEqualTo(9);
        assertThat(points(team, "bob")).isEqualTo(9 * 10);
        assertRefused("EndorseAnswer", """
                {"questionId": "%s", "answerId": "a-%s", "actorId": "bob"}""".formatted(q2, q2), 403, "FORBIDDEN", "NOT_AN_EXPERT");
        post("CastVote", """
                {"questionId": "%s", "postId": "a-%s", "direction": "UP", "actorId": "v1"}""".formatted(q1, q1));
        assertThat(tagScore(team, "bob", "axon")).isEqualTo(10);

        post("EndorseAnswer", """
                {"questionId": "%s", "answerId": "a-%s", "actorId": "bob"}""".formatted(q2, q2));
        assertRefused("EndorseAnswer", """
                {"questionId": "%s", "answerId": "a-%s", "actorId": "v2"}""".formatted(q1, q1), 403, "FORBIDDEN", "NOT_AN_EXPERT");
    }

    @Test
    void aDuplicateMustBeAQuestionOfTheSameCommunity() throws Exception {
        String q1 = UUID.randomUUID().toString();
        String q2 = UUID.randomUUID().toString();
        for (String q : java.util.List.of(q1, q2)) {
            post("AskQuestion", """
                    {"questionId": "%s", "communityId": "%s", "title": "How do snapshots work in Axon?", "body": "Details.",
                     "actorId": "alice"}""".formatted(q, communityId));
        }
        String elsewhere = UUID.randomUUID().toString();
        String other = UUID.randomUUID().toString();
        post("CreateCommunity", """
                {"communityId": "%s", "name": "Elsewhere", "actorId": "alice", "actorName": "Alice"}""".formatted(other));
        post("AskQuestion", """
                {"questionId": "%s", "communityId": "%s", "title": "How do snapshots work in Axon?", "body": "Details.",
                 "actorId": "alice"}""".formatted(elsewhere, other));

        assertRefused("CloseQuestion", """
                {"questionId": "%s", "reason": "DUPLICATE", "duplicateOfQuestionId": "%s", "actorId": "alice"}"""
                .formatted(q2, elsewhere), 404, "NOT_FOUND", "UNKNOWN_DUPLICATE");
        post("CloseQuestion", """
                {"questionId": "%s", "reason": "DUPLICATE", "duplicateOfQuestionId": "%s", "actorId": "alice"}""".formatted(q2, q1));
        assertRefused("PostAnswer", """
                {"questionId": "%s", "answerId": "a-%s", "body": "b", "actorId": "alice"}""".formatted(q2, q2),
                409, "CONFLICT", "QUESTION_CLOSED");
    }

    private long tagScore(String community, String member, String tag) {
        return jdbc.queryForObject("SELECT score FROM member_tag_score WHERE community_id = ? AND member_id = ? AND tag = ?",
                Long.class, community, member, tag);
    }

    private long points(String community, String member) {
        return jdbc.queryForObject("SELECT points FROM member_reputation WHERE community_id = ? AND member_id = ?",
                Long.class, community, member);
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyAnswersTheFirstResultAndWritesNothing() throws Exception {
        String body = """
                {"communityId": "%s", "actorId": "dora", "actorName": "Dora"}""".formatted(communityId);
        JsonNode first = JSON.readTree(send("JoinCommunity", body, "join-dora-1").body());
        long after = eventCount();
        HttpResponse<String> again = send("JoinCommunity", body, "join-dora-1");

        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(again.body())).isEqualTo(first);
        assertThat(eventCount()).isEqualTo(after);
        assertRefused("CreateCommunity", """
                {"communityId": "%s", "name": "Another one", "actorId": "dora"}""".formatted(UUID.randomUUID()),
                "join-dora-1", 409, "CONFLICT", "IDEMPOTENCY_KEY_REUSED");
        assertThat(eventCount()).isEqualTo(after);
    }

    @Test
    void everyEventCarriesCorrelationAndCausation() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/commands/JoinCommunity"))
                .header("Content-Type", "application/json").header("X-Correlation-Id", "request-42")
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"communityId": "%s", "actorId": "erin"}""".formatted(communityId))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode metaData = JSON.readTree(jdbc.queryForObject(
                "SELECT meta_data FROM domain_event_entry ORDER BY global_index DESC LIMIT 1", String.class));
        assertThat(metaData.get("correlationId").asText()).isEqualTo("request-42");
        assertThat(metaData.get("causationId").asText()).isNotBlank().isNotEqualTo("request-42");
    }

    @Test
    void privilegesFollowTheReputationEarnedInTheCommunity() throws Exception {
        post("JoinCommunity", """
                {"communityId": "%s", "actorId": "finn"}""".formatted(communityId));
        String questionId = UUID.randomUUID().toString();
        post("AskQuestion", """
                {"questionId": "%s", "communityId": "%s", "title": "Who can vote in a new community?",
                 "body": "Details.", "actorId": "alice"}""".formatted(questionId, communityId));
        long before = eventCount();

        assertRefused("CastVote", """
                {"questionId": "%s", "postId": "%s", "direction": "UP", "actorId": "finn"}""".formatted(questionId, questionId),
                null, 403, "FORBIDDEN", "MISSING_PRIVILEGE");
        assertThat(eventCount()).isEqualTo(before);

        // the owner holds every privilege: an upvote and an accept give finn 1 + 10 + 15, enough to vote up
        String answerId = UUID.randomUUID().toString();
        post("PostAnswer", """
                {"questionId": "%s", "answerId": "%s", "body": "Members with 15 reputation.", "actorId": "finn"}"""
                .formatted(questionId, answerId));
        post("CastVote", """
                {"questionId": "%s", "postId": "%s", "direction": "UP", "actorId": "alice"}""".formatted(questionId, answerId));
        post("AcceptAnswer", """
                {"questionId": "%s", "answerId": "%s", "actorId": "alice"}""".formatted(questionId, answerId));
        post("CastVote", """
                {"questionId": "%s", "postId": "%s", "direction": "UP", "actorId": "finn"}""".formatted(questionId, questionId));
        assertThat(jdbc.queryForObject("SELECT points FROM member_reputation WHERE community_id = ? AND member_id = ?",
                Long.class, communityId, "finn")).isEqualTo(25L);
    }

    private long eventCount() {
        return jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class);
    }

    private void assertRefused(String command, String body, int status, String kind, String code) throws Exception {
        assertRefused(command, body, null, status, kind, code);
    }

    private void assertRefused(String command, String body, String idempotencyKey, int status, String kind, String code)
            throws Exception {
        HttpResponse<String> response = send(command, body, idempotencyKey);
        assertThat(response.statusCode()).as(command + " " + body).isEqualTo(status);
        JsonNode error = JSON.readTree(response.body());
        assertThat(error.get("kind").asText()).isEqualTo(kind);
        assertThat(error.get("code").asText()).isEqualTo(code);
        assertThat(error.get("message").asText()).isNotBlank().doesNotContain("Exception");
    }

    private JsonNode post(String command, String body) throws Exception {
        HttpResponse<String> response = send(command, body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private HttpResponse<String> send(String command, String body) throws Exception {
        return send(command, body, null);
    }

    private HttpResponse<String> send(String command, String body, String idempotencyKey) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/commands/" + command))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
