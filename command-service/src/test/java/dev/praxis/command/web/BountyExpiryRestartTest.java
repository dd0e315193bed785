package dev.praxis.command.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.praxis.api.community.CreateCommunity;
import dev.praxis.api.community.JoinCommunity;
import dev.praxis.api.privilege.PrivilegePreset;
import dev.praxis.api.question.AskQuestion;
import dev.praxis.api.question.CastVote;
import dev.praxis.api.question.PostAnswer;
import dev.praxis.api.question.VoteDirection;
import dev.praxis.command.CommandServiceApplication;
import dev.praxis.command.privilege.JdbcPrivileges;
import dev.praxis.command.privilege.JdbcReputationLedger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A bounty's expiry survives a restart of the command service: offered in one application context,
 * it expires in a new one on the same database whose clock is seven days later.
 */
class BountyExpiryRestartTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant T0 = Instant.parse("2026-04-01T08:00:00Z");
    private static final MovableClock CLOCK = new MovableClock(T0);

    @Configuration(proxyBeanMethods = false)
    static class TestClock {
        @Bean
        @Primary
        Clock testClock() {
            return CLOCK;
        }
    }

    @Test
    void aBountyOfferedBeforeARestartExpiresAfterItWithHalfToTheBestNewAnswer() throws Exception {
        String url = EmbeddedPostgresForTests.newDatabaseUrl("bounty_expiry_test");
        String questionId = "q-restart";

        try (ConfigurableApplicationContext first = start(url)) {
            CommandGateway commands = first.getBean(CommandGateway.class);
            commands.sendAndWait(new CreateCommunity("c1", "Bounty hunters", null, PrivilegePreset.TEAM, "alice", "Alice", T0));
            for (String member : List.of("bob", "chen", "dora")) {
                commands.sendAndWait(new JoinCommunity("c1", member, member, T0));
            }
            commands.sendAndWait(new AskQuestion(questionId, "c1", "How do bounties expire on restart?", "Details.",
                    List.of(), "alice", T0));
            commands.sendAndWait(new PostAnswer(questionId, "a-before", "Early answer.", "chen", T0));
            first.getBean(JdbcReputationLedger.class).setTotal("c1", "alice", 500);

            CLOCK.set(T0.plus(Duration.ofHours(1)));
            HttpResponse<String> offered = post(first, "OfferBounty",
                    "{\"questionId\": \"" + questionId + "\", \"amount\": 300, \"actorId\": \"alice\"}");
            assertThat(offered.statusCode()).as(offered.body()).isEqualTo(200);
            assertThat(JSON.readTree(offered.body()).get("ids").get(0).asText()).isEqualTo("bounty-" + questionId);

            Instant later = T0.plus(Duration.ofHours(2));
            commands.sendAndWait(new PostAnswer(questionId, "a-best", "Good answer.", "bob", later));
            commands.sendAndWait(new PostAnswer(questionId, "a-weak", "Weak answer.", "dora", later));
            commands.sendAndWait(new CastVote(questionId, "a-best", VoteDirection.UP, "chen", later));
            commands.sendAndWait(new CastVote(questionId, "a-best", VoteDirection.UP, "dora", later));
            commands.sendAndWait(new CastVote(questionId, "a-weak", VoteDirection.UP, "chen", later));
            commands.sendAndWait(new CastVote(questionId, "a-before", VoteDirection.UP, "bob", later));
            commands.sendAndWait(new CastVote(questionId, "a-before", VoteDirection.UP, "dora", later));
            commands.sendAndWait(new CastVote(questionId, "a-before", VoteDirection.UP, "alice", later));

            JdbcTemplate jdbc = first.getBean(JdbcTemplate.class);
            assertThat(first.getBean(JdbcPrivileges.class).reputationOf("c1", "alice")).isEqualTo(200);
            assertThat(jdbc.queryForObject("SELECT count(*) FROM bounty_expiry", Integer.class)).isEqualTo(1);
            assertThat(expiredEvents(jdbc)).isEmpty();
            assertThat(scoreOf(jdbc, "a-best")).isEqualTo(2);
            assertThat(scoreOf(jdbc, "a-before")).isEqualTo(3);

            // the migration that fills the post lookup from history yields what the handlers kept
            List<java.util.Map<String, Object>> kept = jdbc.queryForList("SELECT * FROM post_lookup ORDER BY post_id");
            jdbc.update("DELETE FROM post_lookup");
            try (var script = getClass().getResourceAsStream("/db/migration/V41__post_lookup_from_history.sql")) {
                jdbc.execute(new String(script.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
            }
            assertThat(jdbc.queryForList("SELECT * FROM post_lookup ORDER BY post_id")).hasSize(4).isEqualTo(kept);
        }

        CLOCK.set(T0.plus(Duration.ofHours(1)).plus(Duration.ofDays(7)).plusSeconds(1));
        try (ConfigurableApplicationContext second = start(url)) {
            JdbcTemplate jdbc = second.getBean(JdbcTemplate.class);
            Instant deadline = Instant.now().plusSeconds(20);
            while (expiredEvents(jdbc).isEmpty() && Instant.now().isBefore(deadline)) {
                Thread.sleep(100);
            }
            List<String> expired = expiredEvents(jdbc);
            assertThat(expired).hasSize(1);
            JsonNode event = JSON.readTree(expired.get(0));
            assertThat(event.get("winningAnswerId").asText()).isEqualTo("a-best");
            assertThat(event.get("winnerId").asText()).isEqualTo("bob");
            assertThat(event.get("awardedAmount").asInt()).isEqualTo(150);
            assertThat(event.get("occurredAt").asText()).isEqualTo(CLOCK.instant().toString());
            assertThat(jdbc.queryForObject("SELECT count(*) FROM bounty_expiry", Integer.class)).isZero();
            // two upvotes (20) and half the bounty
            assertThat(second.getBean(JdbcPrivileges.class).reputationOf("c1", "bob")).isEqualTo(1 + 20 + 150);

            // the next checks find nothing more to do
            Thread.sleep(500);
            assertThat(expiredEvents(jdbc)).hasSize(1);
        }
    }

    private static int scoreOf(JdbcTemplate jdbc, String postId) {
        return jdbc.queryForObject("SELECT score FROM post_lookup WHERE post_id = ?", Integer.class, postId);
    }

    private static List<String> expiredEvents(JdbcTemplate jdbc) {
        return jdbc.queryForList("SELECT payload FROM domain_event_entry WHERE payload_type = ?", String.class,
                "dev.praxis.api.bounty.BountyExpired").stream().map(BountyExpiryRestartTest::text).toList();
    }

    private static String text(Object payload) {
        return payload instanceof byte[] bytes ? new String(bytes, java.nio.charset.StandardCharsets.UTF_8) : payload.toString();
    }

    private static ConfigurableApplicationContext start(String url) {
        return new SpringApplicationBuilder(CommandServiceApplication.class, TestClock.class)
                .run("--spring.datasource.url=" + url, "--spring.datasource.username=postgres",
                        "--spring.datasource.password=postgres", "--server.port=0",
                        "--praxis.bounty.check-interval=200ms");
    }

    private static HttpResponse<String> post(ConfigurableApplicationContext context, String command, String body)
            throws Exception {
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/commands/" + command))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A clock the test moves. */
    static final class MovableClock extends Clock {

        private volatile Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void set(Instant instant) {
            now = instant;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
