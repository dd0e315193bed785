package dev.praxis.command.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.praxis.api.reputation.InMemoryReputationLedger;
import dev.praxis.api.reputation.ReputationEngine;
import dev.praxis.api.reputation.ReputationRules;
import dev.praxis.api.shared.MessageJson;
import dev.praxis.command.privilege.JdbcPrivileges;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The command side's reputation, over real HTTP against PostgreSQL: it is the reputation engine's,
 * it gates privileges, and a change of the rules recomputes it from the stored events in the
 * command's transaction.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ReputationLedgerTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @DynamicPropertySource
    static void eventStore(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> EmbeddedPostgresForTests.newDatabaseUrl("reputation_ledger_test"));
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "postgres");
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    JdbcPrivileges privileges;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void changedRulesRecomputeTheCommunitysReputationAndItsPrivileges() throws Exception {
        String c = UUID.randomUUID().toString();
        String q1 = UUID.randomUUID().toString();
        String q2 = UUID.randomUUID().toString();
        post("CreateCommunity", """
                {"communityId": "%s", "name": "Rules lab", "actorId": "alice", "actorName": "Alice"}""".formatted(c));
        post("JoinCommunity", """
                {"communityId": "%s", "actorId": "bob"}""".formatted(c));
        post("AskQuestion", """
                {"questionId": "%s", "communityId": "%s", "title": "How are reputation rules versioned?",
                 "body": "Details.", "tags": ["reputation"], "actorId": "alice"}""".formatted(q1, c));
        post("AskQuestion", """
                {"questionId": "%s", "communityId": "%s", "title": "Who may vote in this community?",
                 "body": "Details.", "actorId": "alice"}""".formatted(q2, c));
        post("PostAnswer", """
                {"questionId": "%s", "answerId": "a1-%s", "body": "By version.", "actorId": "bob"}""".formatted(q1, q1));
        // the owner votes bob's answer up and accepts it: bob 1 + 10 + 15, alice 1 + 2
        post("CastVote", """
                {"questionId": "%s", "postId": "a1-%s", "direction": "UP", "actorId": "alice"}""".formatted(q1, q1));
        post("AcceptAnswer", """
                {"questionId": "%s", "answerId": "a1-%s", "actorId": "alice"}""".formatted(q1, q1));
        assertThat(privileges.reputationOf(c, "bob")).isEqualTo(26);
        assertThat(privileges.reputationOf(c, "alice")).isEqualTo(3);
        // bob holds UPVOTE (15): alice +10
        post("CastVote", """
                {"questionId": "%s", "postId": "%s", "direction": "UP", "actorId": "bob"}""".formatted(q1, q1));
        assertThat(privileges.reputationOf(c, "alice")).isEqualTo(13);
        assertThat(totals(c)).isEqualTo(replayOfTheStore(c, ReputationRules.initial()));

        refused("ChangeReputationRules", """
                {"communityId": "%s", "values": {"ANSWER_UPVOTE": 2}, "actorId": "bob"}""".formatted(c), 403, "OWNER_ONLY");
        refused("ChangeReputationRules", """
                {"communityId": "%s", "values": {"ANSWER_UPVOTE": -5}, "actorId": "alice"}""".formatted(c), 400,
                "INVALID_RULE_VALUE");
        refused("ChangeReputationRules", """
                {"communityId": "%s", "preset": "STACK_OVERFLOW", "actorId": "alice"}""".formatted(c), 400, "NO_CHANGE");
        long events = eventCount();
        post("ChangeReputationRules", """
                {"communityId": "%s", "values": {"ANSWER_UPVOTE": 2, "ANSWER_ACCEPTED": 5}, "actorId": "alice"}"""
                .formatted(c));
        assertThat(eventCount()).isEqualTo(events + 1);

        // recomputed under version 2: bob 1 + 2 + 5 = 8, below UPVOTE's 15; alice keeps 1 + 2 + 10
        assertThat(privileges.reputationOf(c, "bob")).isEqualTo(8);
        assertThat(privileges.reputationOf(c, "alice")).isEqualTo(13);
        assertThat(jdbc.queryForObject("SELECT max(version) FROM reputation_rules WHERE community_id = ?", Integer.class, c))
                .isEqualTo(2);
        refused("CastVote", """
                {"questionId": "%s", "postId": "%s", "direction": "UP", "actorId": "bob"}""".formatted(q2, q2), 403,
                "MISSING_PRIVILEGE");
        // what the causes remember is version 2's: withdrawing the acceptance takes back 5, not 15
        post("WithdrawAcceptance", """
                {"questionId": "%s", "actorId": "alice"}""".formatted(q1));
        assertThat(privileges.reputationOf(c, "bob")).isEqualTo(3);
        assertThat(privileges.reputationOf(c, "alice")).isEqualTo(11);
    }

    private Map<String, Integer> totals(String c) {
        Map<String, Integer> totals = new HashMap<>();
        jdbc.query("SELECT member_id, points FROM member_reputation WHERE community_id = ?",
                rs -> {
                    totals.put(rs.getString(1), 1 + rs.getInt(2));
                }, c);
        return totals;
    }

    /** The engine's replay, in memory, of what the event store holds for the community. */
    private Map<String, Integer> replayOfTheStore(String c, ReputationRules rules) {
        var json = MessageJson.storageMapper();
        List<ReputationEngine.RecordedEvent> history = jdbc.query("""
                        SELECT event_identifier, payload_type, payload FROM domain_event_entry
                        WHERE payload::jsonb ->> 'communityId' = ? ORDER BY global_index""",
                (rs, n) -> {
                    try {
                        Class<?> type = Class.forName(rs.getString(2));
                        if (!ReputationEngine.INPUTS.contains(type)) {
                            return null; // only the engine's inputs (others may hold members' encrypted texts)
                        }
                        return new ReputationEngine.RecordedEvent(rs.getString(1), json.readValue(rs.getString(3), type));
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }, c).stream().filter(e -> e != null && ReputationEngine.isInput(e.event())).toList();
        InMemoryReputationLedger replayed = new ReputationEngine().replay(c, rules, history).ledger();
        return new HashMap<>(replayed.totals(c));
    }

    private long eventCount() {
        return jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class);
    }

    private void refused(String command, String body, int status, String code) throws Exception {
        long before = eventCount();
        HttpResponse<String> response = send(command, body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(JSON.readTree(response.body()).get("code").asText()).isEqualTo(code);
        assertThat(eventCount()).isEqualTo(before);
    }

    private JsonNode post(String command, String body) throws Exception {
        HttpResponse<String> response = send(command, body);
        assertThat(response.statusCode()).as(command + ": " + response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private HttpResponse<String> send(String command, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/commands/" + command))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
