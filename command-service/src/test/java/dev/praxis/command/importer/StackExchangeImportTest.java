package dev.praxis.command.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.praxis.api.reputation.ReputationEngine;
import dev.praxis.api.reputation.ReputationRules;
import dev.praxis.api.shared.MessageJson;
import dev.praxis.command.privilege.JdbcPrivileges;
import dev.praxis.command.web.EmbeddedPostgresForTests;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Imports the Stack Exchange samples (test resources, with their attribution) into PostgreSQL
 * through the real command handlers, and checks the result against the dump itself: counts of every
 * kind, the score of every post from the stored events, reputation as the engine computes it from
 * the imported events, a second run that adds nothing, a resumed run, and each kind of bad input.
 * The larger sample (bicycles-meta, with the import rate line) runs with
 * {@code -Dpraxis.import.all-samples=true}: {@code mvn -o -B -pl command-service -am verify
 * -Dtest=StackExchangeImportTest -Dsurefire.failIfNoSpecifiedTests=false -Dpraxis.import.all-samples=true}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StackExchangeImportTest {

    private static final ObjectMapper JSON = MessageJson.storageMapper();
    private static final Path SAMPLES = Path.of("src/test/resources/stackexchange");
    private static final Path BAD = Path.of("src/test/resources/import");

    @DynamicPropertySource
    static void eventStore(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> EmbeddedPostgresForTests.newDatabaseUrl("stack_exchange_import_test"));
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "postgres");
    }

    @Autowired
    StackExchangeImporter importer;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    JdbcPrivileges privileges;

    @LocalServerPort
    int port;

    /** What the dump holds, counted straight from its XML. */
    record DumpCounts(long questions, long answers, long comments, long accepted, long tags, long votes,
                      Map<Long, Integer> scores, Set<Long> posts) {
    }

    @Test
    @Order(1)
    void bothSamplesImportCompletelyWithTheDumpsCountsAndScores() throws Exception {
        // the larger sample takes minutes on a shared machine: the default build imports the smaller one
        List<String> samples = Boolean.getBoolean("praxis.import.all-samples")
                ? List.of("conlang-meta", "bicycles-meta") : List.of("conlang-meta");
        for (String sample : samples) {
            DumpCounts dump = count(SAMPLES.resolve(sample));
            long started = System.nanoTime();
            ImportReport report = importer.run(options(sample, sample), StackExchangeImporter.Listener.NONE);
            double seconds = (System.nanoTime() - started) / 1e9;
            System.out.println("Import of " + sample + ":\n" + report.format());
            long posts = report.counts("questions").total() + report.counts("answers").total();
            System.out.printf("import rate: %.0f posts/s (%s; %d posts, %d commands in %.1f s)%n", posts / seconds, sample,
                    posts, report.commandsSent(), seconds);

            assertThat(report.counts("questions").total()).isEqualTo(dump.questions());
            assertThat(report.counts("answers").total()).isEqualTo(dump.answers());
            assertThat(report.counts("comments").total()).isEqualTo(dump.comments());
            assertThat(report.counts("accepted answers").total()).isEqualTo(dump.accepted());
            assertThat(report.counts("tags").total()).isEqualTo(dump.tags());
            assertThat(report.counts("votes").total()).isEqualTo(dump.votes());
            // the same from the event store, not from the importer's own counting
            String source = sample;
            assertThat(events(source, "QuestionAsked")).isEqualTo(dump.questions());
            assertThat(events(source, "AnswerPosted")).isEqualTo(dump.answers());
            assertThat(events(source, "CommentAdded")).isEqualTo(dump.comments());
            assertThat(events(source, "AnswerAccepted") - events(source, "AnswerAcceptanceWithdrawn"))
                    .isEqualTo(dump.accepted());
            assertThat(events(source, "TagCreated")).isEqualTo(dump.tags());
            assertThat(events(source, "AnonymousVoteRecorded") + events(source, "VoteCast")).isEqualTo(dump.votes());

            // the score of every post, from the stored vote events
            Map<Long, Integer> scores = scoresFromEvents(source);
            for (Long post : dump.posts()) {
                assertThat(scores.getOrDefault(post, 0)).as("score of post %d of %s", post, sample)
                        .isEqualTo(dump.scores().get(post));
            }
            // the only input problems the samples have: close votes (VoteTypeId 6) in bicycles-meta
            assertThat(report.problems()).allSatisfy(p -> assertThat(p.toString())
                    .containsAnyOf("refused", "VoteTypeId 6"));
            if (sample.equals("bicycles-meta")) {
                assertThat(report.problems().stream().filter(p -> p.message().contains("VoteTypeId"))
                        .map(p -> p.file() + ":" + p.line())).hasSize(6).allSatisfy(p -> assertThat(p).startsWith("Votes.xml:"));
            }

            // marked as imported, with the source record, at the original time
            Map<String, Object> asked = jdbc.queryForMap("""
                    SELECT payload, meta_data FROM domain_event_entry WHERE payload_type LIKE '%.QuestionAsked'
                    AND meta_data::jsonb ->> 'importSource' = ? ORDER BY global_index LIMIT 1""", source);
            JsonNode meta = JSON.readTree((String) asked.get("meta_data"));
            assertThat(meta.get("imported").asBoolean()).isTrue();
            assertThat(meta.get("sourceId").asText()).startsWith("Posts/");
            JsonNode payload = JSON.readTree((String) asked.get("payload"));
            assertThat(payload.get("occurredAt").asText()).startsWith(sample.equals("conlang-meta") ? "2018-02" : "2010-08");

            // reputation: what the engine computes from the imported events (not the dump's, a meta site's)
            String communityId = StackExchangeImporter.communityIdOf(source);
            var replay = new ReputationEngine().replay(communityId, ReputationRules.initial(), reputationHistory(communityId));
            Map<String, Integer> totals = replay.ledger().totals(communityId);
            assertThat(totals).isNotEmpty();
            totals.forEach((member, total) -> assertThat(privileges.reputationOf(communityId, member))
                    .as("reputation of %s", member).isEqualTo(total));
            assertThat(totals.values().stream().mapToInt(Integer::intValue).max().orElse(0)).isGreaterThan(100);
        }
    }

    @Test
    @Order(2)
    void runningTheSameImportAgainChangesNothing() throws Exception {
        long before = allEvents();
        ImportReport again = importer.run(options("conlang-meta", "conlang-meta"), StackExchangeImporter.Listener.NONE);
        assertThat(allEvents()).isEqualTo(before);
        assertThat(again.commandsSent()).isZero();
        assertThat(again.counts("questions").alreadyImported()).isEqualTo(54);
        assertThat(again.counts("votes").alreadyImported()).isEqualTo(count(SAMPLES.resolve("conlang-meta")).votes());
    }

    @Test
    @Order(3)
    void anInterruptedImportResumesWhereItStopped() {
        long full = importedEvents("conlang-meta");
        AtomicLong commentRows = new AtomicLong();
        assertThatThrownBy(() -> importer.run(options("conlang-meta", "conlang-resume"), (file, rows, report) -> {
            if (file.equals(StackExchangeImporter.COMMENTS) && commentRows.incrementAndGet() == 100) {
                throw new IllegalStateException("interrupted");
            }
        })).hasMessage("interrupted");
        long partial = importedEvents("conlang-resume");
        assertThat(partial).isBetween(1L, full - 1);

        ImportReport resumed = importer.run(options("conlang-meta", "conlang-resume"), StackExchangeImporter.Listener.NONE);
        assertThat(importedEvents("conlang-resume")).isEqualTo(full);
        assertThat(resumed.counts("comments").alreadyImported()).isEqualTo(100);
        assertThat(resumed.counts("questions").imported()).isZero();
    }

    @Test
    @Order(4)
    void badInputIsReportedWithFileAndLineAndTheRestIsImported() {
        long before = allEvents();
        ImportReport report = importer.run(new StackExchangeImporter.Options(BAD.resolve("bad-dump"), "bad-dump",
                "Bad dump", "owner-bad", "Owner"), StackExchangeImporter.Listener.NONE);
        System.out.println(report.format());
        List<String> problems = report.problems().stream().map(ImportReport.Problem::toString).toList();
        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("PostHistory.xml: missing"));
        assertThat(problems).anySatisfy(p -> assertThat(p)
                .startsWith("Posts.xml:5: answer 3 belongs to question 77, which is not in the dump"));
        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("Posts.xml:6: post 4: unknown PostTypeId 99"));
        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("Votes.xml:5: vote 3: unknown VoteTypeId 42"));
        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("Comments.xml:5: malformed XML"));
        assertThat(problems).hasSize(5);

        // the rest is imported, whole records only
        assertThat(report.counts("questions").imported()).isEqualTo(1);
        assertThat(report.counts("answers").imported()).isEqualTo(1);
        assertThat(report.counts("votes").imported()).isEqualTo(2);
        assertThat(report.counts("accepted answers").imported()).isEqualTo(1);
        assertThat(report.counts("comments").imported()).isEqualTo(2);
        assertThat(importedEvents("bad-dump")).isEqualTo(allEvents() - before);
        assertThat(events("bad-dump", "CommentAdded")).isEqualTo(2);
        assertThat(events("bad-dump", "AnswerPosted")).isEqualTo(1);
        assertThat(scoresFromEvents("bad-dump")).containsExactlyInAnyOrderEntriesOf(Map.of(1L, 1, 2L, 1));
    }

    @Test
    @Order(5)
    void aMalformedPostsFileImportsTheRecordsBeforeTheDamage() {
        ImportReport report = importer.run(new StackExchangeImporter.Options(BAD.resolve("malformed-posts"),
                "malformed-posts", null, "owner-bad", "Owner"), StackExchangeImporter.Listener.NONE);
        List<String> problems = report.problems().stream().map(ImportReport.Problem::toString).toList();
        assertThat(problems).anySatisfy(p -> assertThat(p).matches("Posts\\.xml:[45]: malformed XML.*rest of this file is skipped"));
        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("Votes.xml: missing"));
        assertThat(report.counts("questions").imported()).isEqualTo(1);
        assertThat(events("malformed-posts", "QuestionAsked")).isEqualTo(1);
    }

    @Test
    @Order(6)
    void theHttpApiCannotRecordAnonymousVotes() throws Exception {
        String questionId = StackExchangeImporter.communityIdOf("conlang-meta") + "-p1";
        long before = allEvents();
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/commands/RecordAnonymousVote"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"questionId": "%s", "postId": "%s", "direction": "UP", "actorId": "mallory"}"""
                        .formatted(questionId, questionId))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).contains("IMPORT_ONLY");
        assertThat(allEvents()).isEqualTo(before);
    }

    // ---- helpers

    private static StackExchangeImporter.Options options(String sample, String source) {
        return new StackExchangeImporter.Options(SAMPLES.resolve(sample), source, "Imported " + sample, "importer",
                "The importer");
    }

    private long events(String source, String type) {
        return jdbc.queryForObject("""
                SELECT count(*) FROM domain_event_entry WHERE payload_type = ?
                AND meta_data::jsonb ->> 'importSource' = ?""", Long.class, "dev.praxis.api." + packageOf(type) + "." + type,
                source);
    }

    private long importedEvents(String source) {
        return jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE meta_data::jsonb ->> 'importSource' = ?",
                Long.class, source);
    }

    private long allEvents() {
        return jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class);
    }

    private static String packageOf(String type) {
        return switch (type) {
            case "TagCreated" -> "tag";
            default -> "question";
        };
    }

    private Map<Long, Integer> scoresFromEvents(String source) {
        String prefix = StackExchangeImporter.communityIdOf(source) + "-p";
        Map<Long, Integer> scores = new HashMap<>();
        jdbc.query("""
                SELECT payload::jsonb ->> 'postId', payload::jsonb ->> 'direction' FROM domain_event_entry
                WHERE payload_type IN ('dev.praxis.api.question.AnonymousVoteRecorded', 'dev.praxis.api.question.VoteCast')
                AND meta_data::jsonb ->> 'importSource' = ?""", rs -> {
            long post = Long.parseLong(rs.getString(1).substring(prefix.length()));
            scores.merge(post, "UP".equals(rs.getString(2)) ? 1 : -1, Integer::sum);
        }, source);
        return scores;
    }

    private List<ReputationEngine.RecordedEvent> reputationHistory(String communityId) {
        List<ReputationEngine.RecordedEvent> history = new ArrayList<>();
        Set<String> inputs = new HashSet<>();
        ReputationEngine.INPUTS.forEach(type -> inputs.add(type.getName()));
        jdbc.query("""
                SELECT event_identifier, payload_type, payload FROM domain_event_entry
                WHERE payload::jsonb ->> 'communityId' = ? ORDER BY global_index""", rs -> {
            if (inputs.contains(rs.getString(2))) {
                try {
                    history.add(new ReputationEngine.RecordedEvent(rs.getString(1),
                            JSON.readValue(rs.getString(3), Class.forName(rs.getString(2)))));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
        }, communityId);
        return history;
    }

    /** Counts the dump's questions, answers, ... and each post's score, from its XML alone. */
    private static DumpCounts count(Path dir) throws Exception {
        Map<Long, Integer> types = new HashMap<>();
        Map<Long, Integer> scores = new HashMap<>();
        long[] accepted = new long[1];
        new DumpFile(dir, "Posts.xml").forEachRow(row -> {
            int type = Integer.parseInt(row.get("PostTypeId"));
            long id = Long.parseLong(row.get("Id"));
            if (type == 1 || type == 2) {
                types.put(id, type);
                scores.put(id, Integer.parseInt(row.get("Score")));
            }
            if (row.get("AcceptedAnswerId") != null) {
                accepted[0]++;
            }
        });
        long[] comments = new long[1];
        new DumpFile(dir, "Comments.xml").forEachRow(row -> {
            if (types.containsKey(Long.parseLong(row.get("PostId")))) {
                comments[0]++;
            }
        });
        long[] tags = new long[1];
        new DumpFile(dir, "Tags.xml").forEachRow(row -> tags[0]++);
        long[] votes = new long[1];
        new DumpFile(dir, "Votes.xml").forEachRow(row -> {
            String type = row.get("VoteTypeId");
            if ((type.equals("2") || type.equals("3")) && types.containsKey(Long.parseLong(row.get("PostId")))) {
                votes[0]++;
            }
        });
        long questions = types.values().stream().filter(t -> t == 1).count();
        return new DumpCounts(questions, types.size() - questions, comments[0], accepted[0], tags[0], votes[0], scores,
                types.keySet());
    }
}
