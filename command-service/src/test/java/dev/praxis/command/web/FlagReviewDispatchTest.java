package dev.praxis.command.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Flags against PostgreSQL: the post lookup the Flag aggregate consults is kept from the question's
 * events, and a review that deletes or locks is committed as an event whatever becomes of the
 * DeletePost / LockQuestion it sends afterwards (refused, or not handled yet).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class FlagReviewDispatchTest {

    @DynamicPropertySource
    static void eventStore(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> EmbeddedPostgresForTests.newDatabaseUrl("flag_review_test"));
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "postgres");
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aReviewThatDeletesOrLocksIsRecordedWhateverTheFollowUpCommandAnswers() throws Exception {
        ok("CreateCommunity", """
                {"communityId": "c-flags", "name": "Flaggers", "privilegePreset": "TEAM", "actorId": "alice"}""");
        ok("JoinCommunity", """
                {"communityId": "c-flags", "actorId": "bob", "actorName": "Bob"}""");
        ok("AskQuestion", """
                {"questionId": "q-flags", "communityId": "c-flags", "title": "A question to be flagged",
                 "body": "Details.", "actorId": "alice"}""");
        ok("PostAnswer", """
                {"questionId": "q-flags", "answerId": "a-flags", "body": "Buy cheap watches here.", "actorId": "bob"}""");

        ok("FlagPost", """
                {"postId": "a-flags", "reason": "SPAM", "actorId": "alice"}""");
        ok("FlagPost", """
                {"postId": "q-flags", "reason": "OTHER", "text": "Off topic.", "actorId": "bob"}""");
        assertThat(send("FlagPost", """
                {"postId": "a-flags", "reason": "SPAM", "actorId": "bob"}""").body()).contains("OWN_POST");
        assertThat(send("ReviewFlag", """
                {"postId": "a-flags", "decision": "DELETE", "actorId": "bob"}""").body()).contains("NOT_A_MODERATOR");

        ok("ReviewFlag", """
                {"postId": "a-flags", "decision": "DELETE", "note": "Spam.", "actorId": "alice"}""");
        ok("ReviewFlag", """
                {"postId": "q-flags", "decision": "LOCK", "actorId": "alice"}""");

        assertThat(jdbc.queryForList("SELECT aggregate_identifier FROM domain_event_entry WHERE payload_type = ? ORDER BY global_index",
                String.class, "dev.praxis.api.flag.FlagReviewed")).containsExactly("flag-a-flags", "flag-q-flags");

        // each follow-up is either carried out (PostDeleted, QuestionLocked) or still pending for a retry
        Thread.sleep(1_000);
        int deleted = count("SELECT count(*) FROM domain_event_entry WHERE payload_type = 'dev.praxis.api.question.PostDeleted'");
        int locked = count("SELECT count(*) FROM domain_event_entry WHERE payload_type = 'dev.praxis.api.question.QuestionLocked'");
        int pending = count("SELECT count(*) FROM flag_followup");
        assertThat(deleted + locked + pending).isEqualTo(2);
        if (pending > 0) {
            assertThat(jdbc.queryForList("SELECT decision FROM flag_followup ORDER BY occurred_at, review_id", String.class))
                    .isSubsetOf("DELETE", "LOCK");
        }
    }

    private int count(String sql) {
        return jdbc.queryForObject(sql, Integer.class);
    }

    private void ok(String command, String body) throws Exception {
        HttpResponse<String> response = send(command, body);
        assertThat(response.statusCode()).as(command + ": " + response.body()).isEqualTo(200);
    }

    private HttpResponse<String> send(String command, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/commands/" + command))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
