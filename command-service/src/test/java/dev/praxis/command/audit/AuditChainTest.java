package dev.praxis.command.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The hash chain, its verification, checkpoints, export and import, on embedded PostgreSQL. The
 * history is written through the real command API (so the trigger sees the real write path); every
 * tampering happens on a copy of it (exported, then imported into a database of its own).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "praxis.audit.checkpoint.enabled=false")
class AuditChainTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static String url;

    @DynamicPropertySource
    static void eventStore(DynamicPropertyRegistry registry) {
        url = AuditDatabases.newDatabaseUrl("audit_chain_test");
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "postgres");
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    private final HttpClient http = HttpClient.newHttpClient();

    private static boolean written;
    private static String java;
    private static String rust;
    private static String question;
    private static String answer;

    @BeforeEach
    void history() throws Exception {
        if (written) {
            return;
        }
        java = "java-" + UUID.randomUUID();
        rust = "rust-" + UUID.randomUUID();
        question = UUID.randomUUID().toString();
        answer = UUID.randomUUID().toString();
        post("CreateCommunity", """
                {"communityId": "%s", "name": "Java Practitioners", "actorId": "alice", "actorName": "Alice"}""".formatted(java));
        post("JoinCommunity", """
                {"communityId": "%s", "actorId": "bob", "actorName": "Bob"}""".formatted(java));
        post("AskQuestion", """
                {"questionId": "%s", "communityId": "%s", "title": "Wie funktioniert Snapshotting? 日本 😀",
                 "body": "Ünïcödé details.", "tags": ["axon"], "actorId": "alice"}""".formatted(question, java));
        post("PostAnswer", """
                {"questionId": "%s", "answerId": "%s", "body": "Every hundred events.", "actorId": "bob"}"""
                .formatted(question, answer));
        post("EditQuestion", """
                {"questionId": "%s", "title": "How does snapshotting work in Axon?", "body": "Details, edited.",
                 "tags": ["axon"], "comment": "English", "actorId": "alice"}""".formatted(question));
        post("AcceptAnswer", """
                {"questionId": "%s", "answerId": "%s", "actorId": "alice"}""".formatted(question, answer));
        post("UpdateProfile", """
                {"memberId": "bob", "displayName": "Bob", "bio": "Axon user", "skills": ["axon"], "actorId": "bob"}""");
        post("CreateCommunity", """
                {"communityId": "%s", "name": "Rustaceans", "actorId": "carol", "actorName": "Carol"}""".formatted(rust));
        post("AskQuestion", """
                {"questionId": "%s", "communityId": "%s", "title": "Borrowing across threads?",
                 "body": "Details.", "tags": ["async"], "actorId": "carol"}""".formatted(UUID.randomUUID(), rust));
        written = true;
    }

    @Test
    void theTriggerLinksEveryEventOnTheRealWritePathAsJavaRecomputesIt() throws Exception {
        long events = jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM event_chain", Long.class)).isEqualTo(events);

        try (Connection connection = AuditDatabases.connect(url)) {
            VerificationReport report = new ChainVerifier(connection).verify(null, null);
            assertThat(report.intact()).as("%s", report.firstBroken()).isTrue();
            assertThat(report.eventsChecked()).isEqualTo(events);
        }
        // the non-ASCII question title is hashed alike on both sides (lengths in UTF-8 bytes)
        assertThat(jdbc.queryForObject("SELECT payload FROM domain_event_entry WHERE aggregate_identifier = ? "
                + "AND sequence_number = 0", String.class, question)).contains("😀");
    }

    @Test
    void oneChangedByteOfOneStoredPayloadIsNamedByVerification() throws Exception {
        String copy = copyOfStore("audit_one_byte");
        try (Connection connection = AuditDatabases.connect(copy)) {
            Event asked = event(connection, question, 0);
            // 'W' of "Wie" becomes 'V': one byte
            execute(connection, "UPDATE domain_event_entry SET payload = replace(payload, 'Wie funktioniert', "
                    + "'Vie funktioniert') WHERE global_index = " + asked.position());
            assertThat(octetDiff(connection, asked)).isEqualTo(1);

            VerificationReport report = new ChainVerifier(connection).verify(null, null);

            assertThat(report.brokenLinks()).isEqualTo(1);
            BrokenLink broken = report.firstBroken();
            assertThat(broken.problem()).isEqualTo("HASH_MISMATCH");
            assertThat(broken.position()).isEqualTo(asked.position());
            assertThat(broken.eventId()).isEqualTo(asked.eventId());
            assertThat(broken.aggregateId()).isEqualTo(question);
            assertThat(broken.sequence()).isZero();
            assertThat(broken.expected()).isEqualTo(asked.hash());
            assertThat(broken.found()).isNotEqualTo(asked.hash()).hasSize(64);
        }
    }

    @Test
    void aDeletedEventIsNamedWhetherItsLinkStaysOrGoesToo() throws Exception {
        String copy = copyOfStore("audit_deleted");
        try (Connection connection = AuditDatabases.connect(copy)) {
            Event answered = event(connection, question, 1);
            execute(connection, "DELETE FROM domain_event_entry WHERE global_index = " + answered.position());

            BrokenLink broken = new ChainVerifier(connection).verify(null, null).firstBroken();

            assertThat(broken.problem()).isEqualTo("MISSING_EVENT");
            assertThat(broken.position()).isEqualTo(answered.position());
            assertThat(broken.eventId()).isEqualTo(answered.eventId());
            assertThat(broken.sequence()).isEqualTo(1);

            // a careful forger removes the link as well: the stream then skips a sequence number
            execute(connection, "DELETE FROM event_chain WHERE global_index = " + answered.position());
            Event next = event(connection, question, 2);
            VerificationReport report = new ChainVerifier(connection).verify(null, null);
            assertThat(report.firstBroken().problem()).isEqualTo("SEQUENCE_GAP");
            assertThat(report.firstBroken().position()).isEqualTo(next.position());
            assertThat(report.firstBroken().aggregateId()).isEqualTo(question);
            assertThat(report.firstBroken().description()).contains("continues with sequence 2 after 0");
        }
    }

    @Test
    void aReorderedEventIsNamed() throws Exception {
        String copy = copyOfStore("audit_reordered");
        try (Connection connection = AuditDatabases.connect(copy)) {
            Event answered = event(connection, question, 1);
            Event edited = event(connection, question, 2);
            execute(connection, "UPDATE domain_event_entry SET sequence_number = -1 WHERE global_index = " + answered.position());
            execute(connection, "UPDATE domain_event_entry SET sequence_number = 1 WHERE global_index = " + edited.position());
            execute(connection, "UPDATE domain_event_entry SET sequence_number = 2 WHERE global_index = " + answered.position());

            BrokenLink broken = new ChainVerifier(connection).verify(null, null).firstBroken();

            assertThat(broken.position()).isEqualTo(answered.position());
            assertThat(broken.eventId()).isEqualTo(answered.eventId());
            assertThat(broken.problem()).isEqualTo("SEQUENCE_GAP");
        }
    }

    @Test
    void checkpointsCatchAForgerWhoRewritesTheLinksToo() throws Exception {
        String copy = copyOfStore("audit_checkpoints");
        try (Connection connection = AuditDatabases.connect(copy)) {
            long head = head(connection);
            List<Checkpoints.Sealed> sealed = new Checkpoints(connection, 4).sealUpTo(head);
            assertThat(sealed).isNotEmpty();
            assertThat(sealed.get(sealed.size() - 1).to()).isEqualTo(head);
            assertThat(sealed.stream().mapToLong(Checkpoints.Sealed::eventCount).sum())
                    .isEqualTo(count(connection, "domain_event_entry"));
            VerificationReport intact = new ChainVerifier(connection).verify(null, null);
            assertThat(intact.intact()).isTrue();
            assertThat(intact.checkpointsChecked()).isEqualTo(sealed.size());

            // The profile update is the last event of bob's stream: change it and recompute its link.
            Event profile = lastEventOf(connection, "bob");
            execute(connection, "UPDATE domain_event_entry SET payload = replace(payload, '\"memberId\":\"bob\"', '\"memberId\":\"eve\"') "
                    + "WHERE global_index = " + profile.position());
            execute(connection, "UPDATE event_chain c SET hash = praxis_chain_hash((SELECT p.hash FROM event_chain p "
                    + "WHERE p.aggregate_identifier = c.aggregate_identifier AND p.sequence_number = c.sequence_number - 1), e) "
                    + "FROM domain_event_entry e WHERE e.global_index = c.global_index AND c.global_index = " + profile.position());

            VerificationReport report = new ChainVerifier(connection).verify(null, null);

            assertThat(report.firstBroken().problem()).isEqualTo("CHECKPOINT_MISMATCH");
            Checkpoints.Sealed covering = sealed.stream()
                    .filter(c -> c.from() <= profile.position() && profile.position() <= c.to()).findFirst().orElseThrow();
            assertThat(report.firstBroken().position()).isEqualTo(covering.to());
            assertThat(report.firstBroken().expected()).isEqualTo(covering.hash());

            // and a removed checkpoint breaks the checkpoints' own chain
            execute(connection, "DELETE FROM event_chain_checkpoint WHERE checkpoint_number = 1");
            assertThat(new ChainVerifier(connection).verify(null, null).firstBroken().problem()).isEqualTo("CHECKPOINT_GAP");
        }
    }

    @Test
    void theCheckpointJobNeverSealsOverAPositionAnOpenTransactionMayStillFill() throws Exception {
        String copy = copyOfStore("audit_checkpoint_job");
        DriverManagerDataSource dataSource = new DriverManagerDataSource(copy, "postgres", "postgres");
        CheckpointJob job = new CheckpointJob(dataSource, Clock.systemUTC(), false, Duration.ofMinutes(1),
                Duration.ZERO, 10_000);
        try (Connection open = AuditDatabases.connect(copy); Connection other = AuditDatabases.connect(copy)) {
            open.setAutoCommit(false);
            insertEvent(open, "in-flight", 0);          // holds a position, not committed
            insertEvent(other, "committed-after", 0);   // a higher position, committed
            long head = head(other);

            assertThat(job.run()).isEmpty();            // observes the head
            assertThat(job.run()).isEmpty();            // the transaction open at the observation still is
            open.commit();
            List<Checkpoints.Sealed> sealed = job.run();

            assertThat(sealed).hasSize(1);
            assertThat(sealed.get(0).to()).isEqualTo(head);
            assertThat(sealed.get(0).eventCount()).isEqualTo(count(other, "domain_event_entry"));
            assertThat(new ChainVerifier(other).verify(null, null).intact()).isTrue();
        }
    }

    @Test
    void aCommunityExportImportsIntoAnEmptyStoreWithTheSameEventsAndChain() throws Exception {
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        try (Connection connection = AuditDatabases.connect(url)) {
            new EventExport(connection).export(ExportSelection.community(java), file);
        }
        List<JsonNode> lines = new ArrayList<>();
        List<String> keyed = new ArrayList<>();
        for (String line : file.toString(StandardCharsets.UTF_8).split("\n")) {
            JsonNode parsed = JSON.readTree(line);
            if (parsed.has("memberKey")) {
                keyed.add(parsed.at("/memberKey/memberId").asText()); // the members' keys follow the events
            } else {
                lines.add(parsed);
            }
        }
        assertThat(keyed).contains("bob");
        List<String> aggregates = lines.stream().map(l -> l.get("aggregateId").asText()).distinct().toList();
        assertThat(aggregates).contains(java, question, "bob").doesNotContain(rust);
        assertThat(lines).allSatisfy(l -> assertThat(l.get("chainHash").asText()).hasSize(64));
        assertThat(lines.get(0).get("payload").isObject()).isTrue();
        assertThat(lines.stream().mapToLong(l -> l.get("position").asLong()))
                .isSorted().doesNotHaveDuplicates();

        String target = AuditDatabases.newStore("audit_import");
        try (Connection connection = AuditDatabases.connect(target)) {
            EventImport.Result result = new EventImport(connection).importFrom(reader(file.toByteArray()));
            assertThat(result.events()).isEqualTo(lines.size());
            // the members' personal texts read in the new store as in the old one: their keys came along
            try (var keys = connection.createStatement().executeQuery("SELECT member_id FROM member_keys ORDER BY member_id")) {
                List<String> imported = new ArrayList<>();
                while (keys.next()) {
                    imported.add(keys.getString(1));
                }
                assertThat(imported).containsExactlyInAnyOrderElementsOf(keyed);
            }
            assertThat(new ChainVerifier(connection).verify(null, null).intact()).isTrue();
            assertThat(rows(connection)).isEqualTo(rowsOf(url, lines.stream().map(l -> l.get("position").asLong()).toList()));
            assertThat(chain(connection)).isEqualTo(lines.stream().map(l -> l.get("chainHash").asText()).toList());

            // a new event continues after the imported positions
            insertEvent(connection, "after-import", 0);
            assertThat(head(connection)).isGreaterThan(result.lastPosition());

            long before = count(connection, "domain_event_entry");
            assertThatThrownBy(() -> new EventImport(connection).importFrom(reader(file.toByteArray())))
                    .isInstanceOf(EventImport.ImportRefusedException.class)
                    .hasMessageContaining("already holds " + before + " events");
            assertThat(count(connection, "domain_event_entry")).isEqualTo(before);
        }
    }

    @Test
    void anImportRefusesAChangedFileOrPartialStreamsAndWritesNothing() throws Exception {
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        try (Connection connection = AuditDatabases.connect(url)) {
            new EventExport(connection).export(ExportSelection.everything(), file);
        }
        String text = file.toString(StandardCharsets.UTF_8);
        String changed = text.replace("Every hundred events.", "Every thousand events");
        assertThat(changed).isNotEqualTo(text);
        String target = AuditDatabases.newStore("audit_refused");
        try (Connection connection = AuditDatabases.connect(target)) {
            assertThatThrownBy(() -> new EventImport(connection).importFrom(reader(changed.getBytes(StandardCharsets.UTF_8))))
                    .isInstanceOf(EventImport.ImportRefusedException.class)
                    .satisfies(e -> assertThat(((EventImport.ImportRefusedException) e).code()).isEqualTo("CHAIN_MISMATCH"));
            assertThat(count(connection, "domain_event_entry")).isZero();
            assertThat(count(connection, "event_chain")).isZero();

            ByteArrayOutputStream range = new ByteArrayOutputStream();
            try (Connection source = AuditDatabases.connect(url)) {
                new EventExport(source).export(ExportSelection.positions(event(source, question, 1).position(), null), range);
            }
            String partial = range.toString(StandardCharsets.UTF_8);
            assertThatThrownBy(() -> new EventImport(connection).importFrom(reader(partial.getBytes(StandardCharsets.UTF_8))))
                    .satisfies(e -> assertThat(((EventImport.ImportRefusedException) e).code()).isEqualTo("INCOMPLETE_STREAM"));
            assertThatThrownBy(() -> new EventImport(connection).importFrom(reader("{\"position\": \"x\"}".getBytes())))
                    .satisfies(e -> assertThat(((EventImport.ImportRefusedException) e).code()).isEqualTo("NOT_AN_EVENT"));
            assertThat(count(connection, "domain_event_entry")).isZero();
        }
    }

    @Test
    void auditorsVerifyAndExportOverHttpAndBadInputIsATypedError() throws Exception {
        HttpResponse<String> verify = get("/audit/verify");
        assertThat(verify.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(verify.body()).get("brokenLinks").asLong()).isZero();
        assertThat(JSON.readTree(verify.body()).get("firstBroken").isNull()).isTrue();

        HttpResponse<String> export = get("/audit/export?community=" + rust);
        assertThat(export.statusCode()).isEqualTo(200);
        assertThat(export.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/x-ndjson"));
        String[] lines = export.body().split("\n");
        assertThat(lines).hasSizeGreaterThanOrEqualTo(3)
                .allSatisfy(line -> assertThat(line).doesNotContain(java));

        String later = Instant.now().plusSeconds(3600).toString();
        assertThat(get("/audit/export?fromTime=" + later).body()).isEmpty();
        assertThat(Arrays.stream(get("/audit/export?fromTime=2000-01-01T00:00:00Z&toTime=" + later).body().split("\n"))
                .filter(line -> line.startsWith("{\"position\"")))
                .hasSize(jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Integer.class));

        assertTyped(get("/audit/export?from=9&to=3"), "INVALID_RANGE");
        assertTyped(get("/audit/export?fromTime=yesterday"), "INVALID_TIME");
        assertTyped(get("/audit/verify?from=-4"), "INVALID_RANGE");
        HttpResponse<String> malformed = get("/audit/verify?from=abc");
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(malformed.body()).doesNotContain("Exception");
    }

    @Test
    void theCommandLineVerifiesExportsAndImports(@TempDir Path dir) throws Exception {
        String copy = copyOfStore("audit_cli");
        Map<String, String> env = Map.of("PRAXIS_EVENTSTORE_URL", copy);
        Cli verify = cli(env, "verify");
        assertThat(verify.code).as(verify.err).isZero();
        assertThat(verify.err).contains("intact");

        Path file = dir.resolve("java.ndjson");
        Cli export = cli(env, "export", "--community", java, "--out", file.toString());
        assertThat(export.code).as(export.err).isZero();
        assertThat(Files.readAllLines(file)).isNotEmpty();

        String empty = AuditDatabases.newDatabaseUrl("audit_cli_target"); // not even migrated: import does it
        Cli imported = cli(Map.of("PRAXIS_EVENTSTORE_URL", empty), "import-events", file.toString());
        assertThat(imported.code).as(imported.err).isZero();
        assertThat(imported.out).contains("Imported "
                + Files.readAllLines(file).stream().filter(line -> line.startsWith("{\"position\"")).count() + " events");
        Cli again = cli(Map.of("PRAXIS_EVENTSTORE_URL", empty), "import-events", file.toString());
        assertThat(again.code).isEqualTo(2);
        assertThat(again.err).contains("STORE_NOT_EMPTY").contains("only fills an empty store");

        try (Connection connection = AuditDatabases.connect(copy)) {
            Event answered = event(connection, question, 1);
            execute(connection, "UPDATE domain_event_entry SET payload = replace(payload, 'hundred', 'hundreD') "
                    + "WHERE global_index = " + answered.position());
            Cli broken = cli(env, "verify");
            assertThat(broken.code).isEqualTo(1);
            assertThat(broken.err).contains("BROKEN").contains("position " + answered.position())
                    .contains(answered.eventId()).contains("HASH_MISMATCH");
        }
        assertThat(cli(env, "verify", "--from", "x").code).isEqualTo(2);
        assertThat(cli(env, "frobnicate").code).isEqualTo(2);
        assertThat(cli(env, "import-events", dir.resolve("missing.ndjson").toString()).code).isEqualTo(2);
        assertThat(cli(Map.of("PRAXIS_EVENTSTORE_URL", "jdbc:postgresql://127.0.0.1:1/none"), "verify").code).isEqualTo(3);
    }

    @Test
    void theChainCostsLittleOnTheWritePath() throws Exception {
        String with = AuditDatabases.newStore("audit_overhead_with");
        String without = AuditDatabases.newStore("audit_overhead_without");
        String chainOnly = AuditDatabases.newStore("audit_overhead_chain_only");
        for (String store : List.of(without, chainOnly)) {
            try (Connection connection = AuditDatabases.connect(store)) {
                if (store.equals(without)) {
                    execute(connection, "ALTER TABLE domain_event_entry DISABLE TRIGGER domain_event_entry_chain");
                }
                for (String index : List.of("community", "actor", "member", "time")) {
                    execute(connection, "DROP INDEX domain_event_entry_" + index);
                }
            }
        }
        int events = 1000;
        int rounds = 3;
        double plain = Double.MAX_VALUE;
        double chained = Double.MAX_VALUE;
        double chainAlone = Double.MAX_VALUE;
        for (int round = 0; round < rounds + 1; round++) { // the first round warms up
            double without1 = appendMicros(without, "r" + round, events);
            double with1 = appendMicros(with, "r" + round, events);
            double chain1 = appendMicros(chainOnly, "r" + round, events);
            if (round > 0) {
                chainAlone = Math.min(chainAlone, chain1);
                plain = Math.min(plain, without1);
                chained = Math.min(chained, with1);
            }
        }
        System.out.printf("Appending an event, one transaction each (best of %d rounds of %d): %.0f us without the chain "
                + "and history indexes, %.0f us with the chain alone, %.0f us with both (+%.0f us)%n", rounds, events, plain,
                chainAlone, chained, chained - plain);
        try (Connection connection = AuditDatabases.connect(with)) {
            assertThat(count(connection, "event_chain")).isEqualTo((rounds + 1L) * events);
            assertThat(new ChainVerifier(connection).verify(null, null).intact()).isTrue();
        }
    }

    // ---- helpers

    private record Event(long position, String eventId, String hash) {
    }

    private record Cli(int code, String out, String err) {
    }

    private static Cli cli(Map<String, String> env, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = AuditCli.run(args, env, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Cli(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** Appends events one transaction each (like commands), 20 per stream, and answers the mean in microseconds. */
    private static double appendMicros(String store, String prefix, int events) throws SQLException {
        try (Connection connection = AuditDatabases.connect(store)) {
            String payload = "{\"questionId\":\"%s\",\"communityId\":\"c-%d\",\"body\":\"An answer of some length, "
                    + "as members write them, with a sentence or two of detail.\",\"actorId\":\"m-%d\","
                    + "\"occurredAt\":\"2026-11-26T01:00:00.123Z\"}";
            long start = System.nanoTime();
            for (int i = 0; i < events; i++) {
                String aggregate = prefix + "-" + (i / 20);
                try (PreparedStatement insert = connection.prepareStatement("INSERT INTO domain_event_entry "
                        + "(event_identifier, aggregate_identifier, sequence_number, type, time_stamp, payload_type, "
                        + "payload, meta_data) VALUES (?, ?, ?, 'Question', ?, 'dev.praxis.api.question.AnswerPosted', ?, '{}')")) {
                    insert.setString(1, UUID.randomUUID().toString());
                    insert.setString(2, aggregate);
                    insert.setLong(3, i % 20);
                    insert.setString(4, Instant.now().toString());
                    insert.setString(5, payload.formatted(aggregate, i % 7, i % 50));
                    insert.executeUpdate();
                }
            }
            return (System.nanoTime() - start) / 1000.0 / events;
        }
    }

    private String copyOfStore(String name) throws Exception {
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        try (Connection connection = AuditDatabases.connect(url)) {
            new EventExport(connection).export(ExportSelection.everything(), file);
        }
        String copy = AuditDatabases.newStore(name);
        try (Connection connection = AuditDatabases.connect(copy)) {
            new EventImport(connection).importFrom(reader(file.toByteArray()));
            assertThat(new ChainVerifier(connection).verify(null, null).intact()).isTrue();
        }
        return copy;
    }

    private static BufferedReader reader(byte[] bytes) {
        return new BufferedReader(new StringReader(new String(bytes, StandardCharsets.UTF_8)));
    }

    private static Event event(Connection connection, String aggregate, long sequence) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT e.global_index, e.event_identifier, "
                + "encode(c.hash, 'hex') FROM domain_event_entry e JOIN event_chain c USING (global_index) "
                + "WHERE e.aggregate_identifier = ? AND e.sequence_number = ?")) {
            statement.setString(1, aggregate);
            statement.setLong(2, sequence);
            try (ResultSet rs = statement.executeQuery()) {
                assertThat(rs.next()).isTrue();
                return new Event(rs.getLong(1), rs.getString(2), rs.getString(3));
            }
        }
    }

    private static Event lastEventOf(Connection connection, String aggregate) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT max(sequence_number) FROM domain_event_entry WHERE aggregate_identifier = ?")) {
            statement.setString(1, aggregate);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return event(connection, aggregate, rs.getLong(1));
            }
        }
    }

    /** How many bytes of the event's payload differ from the text its link was computed over (same length). */
    private static int octetDiff(Connection connection, Event event) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT convert_to(payload, 'UTF8') FROM domain_event_entry WHERE global_index = ?")) {
            statement.setLong(1, event.position());
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                byte[] now = rs.getBytes(1);
                byte[] before = new String(now, StandardCharsets.UTF_8).replace("Vie funktioniert", "Wie funktioniert")
                        .getBytes(StandardCharsets.UTF_8);
                int diff = 0;
                for (int i = 0; i < now.length; i++) {
                    diff += now[i] == before[i] ? 0 : 1;
                }
                return diff;
            }
        }
    }

    private static void insertEvent(Connection connection, String aggregate, long sequence) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO domain_event_entry (event_identifier, "
                + "aggregate_identifier, sequence_number, type, time_stamp, payload_type, payload) "
                + "VALUES (?, ?, ?, 'Test', ?, 'test.Event', '{\"memberId\":\"nobody\"}')")) {
            insert.setString(1, UUID.randomUUID().toString());
            insert.setString(2, aggregate);
            insert.setLong(3, sequence);
            insert.setString(4, Instant.now().toString());
            insert.executeUpdate();
        }
    }

    private static long head(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT max(global_index) FROM domain_event_entry")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static long count(Connection connection, String table) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT count(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static List<String> rows(Connection connection) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT " + StoredEvent.COLUMNS + " FROM domain_event_entry ORDER BY global_index")) {
            while (rs.next()) {
                rows.add(StoredEvent.read(rs, 0).toString());
            }
        }
        return rows;
    }

    private static List<String> rowsOf(String store, List<Long> positions) throws SQLException {
        try (Connection connection = AuditDatabases.connect(store)) {
            return rows(connection).stream().filter(r -> positions.stream()
                    .anyMatch(p -> r.startsWith("StoredEvent[position=" + p + ","))).toList();
        }
    }

    private static List<String> chain(Connection connection) throws SQLException {
        List<String> hashes = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT encode(hash, 'hex') FROM event_chain ORDER BY global_index")) {
            while (rs.next()) {
                hashes.add(rs.getString(1));
            }
        }
        return hashes;
    }

    private JsonNode post(String command, String body) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/commands/" + command))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static void assertTyped(HttpResponse<String> response, String code) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("kind").asText()).isEqualTo("INVALID_INPUT");
        assertThat(body.get("code").asText()).isEqualTo(code);
    }
}
