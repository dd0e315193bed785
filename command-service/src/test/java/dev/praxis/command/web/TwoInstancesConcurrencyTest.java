package dev.praxis.command.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.praxis.command.CommandServiceApplication;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two command-service instances on one event store take concurrent commands for the same question:
 * optimistic concurrency on the event stream plus retries mean that every acknowledged vote and
 * edit is stored exactly once and none is lost.
 */
class TwoInstancesConcurrencyTest {

    private static final int VOTERS = 50;
    private static final int EDITS = 10;

    private static ConfigurableApplicationContext first;
    private static ConfigurableApplicationContext second;
    private static JdbcTemplate jdbc;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void startTwoInstances() {
        String url = EmbeddedPostgresForTests.newDatabaseUrl("two_instances_test");
        first = instance(url);
        second = instance(url);
        jdbc = first.getBean(JdbcTemplate.class);
    }

    @AfterAll
    static void stop() {
        second.close();
        first.close();
    }

    private static ConfigurableApplicationContext instance(String url) {
        return new SpringApplicationBuilder(CommandServiceApplication.class).run(
                "--server.port=0", "--spring.datasource.url=" + url,
                "--spring.datasource.username=postgres", "--spring.datasource.password=postgres",
                "--spring.jmx.enabled=false");
    }

    @Test
    void concurrentVotesAndEditsOnOneQuestionFromTwoInstancesAreEachStoredOnce() throws Exception {
        String community = UUID.randomUUID().toString();
        String question = UUID.randomUUID().toString();
        send(first, "CreateCommunity", """
                {"communityId": "%s", "name": "Concurrency Guild", "privilegePreset": "TEAM", "actorId": "owner"}""".formatted(community));
        for (int i = 0; i < VOTERS; i++) {
            send(i % 2 == 0 ? first : second, "JoinCommunity", """
                    {"communityId": "%s", "actorId": "voter-%d"}""".formatted(community, i));
        }
        send(second, "AskQuestion", """
                {"questionId": "%s", "communityId": "%s", "title": "Which instance wins the race?", "body": "Both.",
                 "actorId": "owner"}""".formatted(question, community));

        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<Future<Integer>> answers = new ArrayList<>();
        List<Future<Integer>> edits = new ArrayList<>();
        for (int i = 0; i < EDITS; i++) {
            int edit = i;
            Callable<Integer> editBody = () -> status(edit % 2 == 0 ? second : first, "EditQuestion", """
                    {"questionId": "%s", "title": "Which instance wins the race?", "body": "Edit number %d.",
                     "comment": "edit %d", "actorId": "owner"}""".formatted(question, edit, edit));
            edits.add(pool.submit(editBody));
        }
        for (int i = 0; i < VOTERS; i++) {
            int voter = i;
            Callable<Integer> vote = () -> status(voter % 2 == 0 ? first : second, "CastVote", """
                    {"questionId": "%s", "postId": "%s", "direction": "UP", "actorId": "voter-%d"}"""
                    .formatted(question, question, voter));
            answers.add(pool.submit(vote));
        }
        int acknowledged = 0;
        for (Future<Integer> answer : answers) {
            if (answer.get() == 200) {
                acknowledged++;
            }
        }
        int editsAcknowledged = 0;
        for (Future<Integer> edit : edits) {
            if (edit.get() == 200) {
                editsAcknowledged++;
            }
        }
        pool.shutdown();

        assertThat(editsAcknowledged).as("every edit is acknowledged, after retries").isEqualTo(EDITS);
        assertThat(jdbc.queryForObject("""
                SELECT count(*) FROM domain_event_entry
                WHERE aggregate_identifier = ? AND payload_type = 'dev.praxis.api.question.QuestionEdited'""",
                Integer.class, question)).as("no edit is lost").isEqualTo(editsAcknowledged);
        // each edit built on the one before it: revisions 2..EDITS+1, none skipped or repeated
        assertThat(jdbc.queryForList("""
                SELECT (payload::jsonb ->> 'revision')::int FROM domain_event_entry
                WHERE aggregate_identifier = ? AND payload_type = 'dev.praxis.api.question.QuestionEdited'
                ORDER BY sequence_number""", Integer.class, question))
                .containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(2, EDITS + 1).boxed().toList());

        assertThat(acknowledged).as("every vote is acknowledged, after retries").isEqualTo(VOTERS);
        assertThat(jdbc.queryForObject("""
                SELECT count(*) FROM domain_event_entry
                WHERE aggregate_identifier = ? AND payload_type = 'dev.praxis.api.question.VoteCast'""",
                Integer.class, question)).isEqualTo(acknowledged);
        assertThat(jdbc.queryForObject("SELECT max(sequence_number) + 1 FROM domain_event_entry WHERE aggregate_identifier = ?",
                Long.class, question)).isEqualTo(1L + acknowledged + editsAcknowledged);
        // +10 per upvote, up to the daily vote cap of 200 (all votes fall on one UTC day)
        assertThat(jdbc.queryForObject("SELECT points FROM member_reputation WHERE community_id = ? AND member_id = 'owner'",
                Long.class, community)).isEqualTo(Math.min(10L * acknowledged, 200L));
    }

    private void send(ConfigurableApplicationContext instance, String command, String body) throws Exception {
        assertThat(status(instance, command, body)).isEqualTo(200);
    }

    private int status(ConfigurableApplicationContext instance, String command, String body) throws Exception {
        int port = ((WebServerApplicationContext) instance).getWebServer().getPort();
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/commands/" + command))
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        return response.statusCode();
    }
}
