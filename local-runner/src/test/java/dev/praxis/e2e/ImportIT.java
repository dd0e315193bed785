package dev.praxis.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.praxis.local.LocalConfig;
import dev.praxis.local.LocalSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Stack Exchange sample (conlang-meta) imported into a running system with {@code
 * LocalSystem.importDump} (what {@code praxis-local import} runs), then read through GraphQL: the
 * community, its feed with the dump's scores, reputation as the command side's engine computed it, the knowledge graph's experts with anonymous votes as evidence, and search.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ImportIT {

    private static final Path SAMPLE = Path.of("../command-service/src/test/resources/stackexchange/conlang-meta");
    private static final int BASE = 1;

    @TempDir
    static Path dataDir;

    private LocalSystem system;
    private GraphQlCaller api;
    private String alice;

    @BeforeAll
    void start() {
        system = LocalSystem.start(LocalConfig.forTests(dataDir).startupTimeout(Duration.ofMinutes(5)).build());
        api = new GraphQlCaller(system.gatewayUrl());
        alice = api.signIn("alice", "Alice Adams");
    }

    @AfterAll
    void stop() {
        if (system != null) {
            system.close();
        }
    }

    @Test
    void anImportedCommunityServesFeedsReputationKnowledgeAndSearch() throws Exception {
        int exit = system.importDump(SAMPLE, Map.of("source", "conlang-meta", "community", "Conlang meta (imported)",
                "owner", "alice", "owner-name", "Alice Adams"));
        assertThat(exit).as("importer exit code; log: %s", system.dataDir().resolve("logs/import.log")).isZero();
        String log = Files.readString(system.dataDir().resolve("logs/import.log"));
        assertThat(log).contains("questions", "import rate:");
        long events = StoreInspector.eventCount(system);

        // the community, once the query side has caught up with the imported history
        JsonNode community = awaitCommunity("Conlang meta (imported)", 54);
        String communityId = community.get("id").asText();
        assertThat(community.get("memberCount").asInt()).isGreaterThan(270);

        // the feed, newest first: the dump's newest question, with its score from the anonymous votes
        Map<String, Integer> scoreByTitle = questionScores();
        JsonNode feed = api.data(alice, """
                query($id: ID!) { community(id: $id) { feed(first: 20, order: NEWEST) { edges { node {
                  title occurredAt question { id score answerCount } } } } } }""", Map.of("id", communityId))
                .at("/community/feed/edges");
        assertThat(feed).hasSize(20);
        for (JsonNode edge : feed) {
            JsonNode node = edge.get("node");
            assertThat(Instant.parse(node.get("occurredAt").asText())).isBefore(Instant.parse("2021-01-01T00:00:00Z"));
            assertThat(node.at("/question/score").asInt()).as("score of '%s'", node.get("title").asText())
                    .isEqualTo(scoreByTitle.get(node.get("title").asText()));
        }
        JsonNode hot = api.data(alice, """
                query($id: ID!) { community(id: $id) { feed(first: 5, order: HOT) { edges { node { title } } } } }""",
                Map.of("id", communityId)).at("/community/feed/edges");
        assertThat(hot).hasSize(5);

        // reputation: the leaderboard's top members hold what the engine computed on the command side
        Map<String, Integer> engine = commandSideReputation("se-conlang-meta");
        JsonNode leaders = api.data(alice, """
                query($id: ID!) { community(id: $id) { leaderboard(first: 5) { edges { node {
                  points member { id displayName reputation(communityId: $id) } } } } } }""", Map.of("id", communityId))
                .at("/community/leaderboard/edges");
        assertThat(leaders).hasSize(5);
        int topReputation = engine.values().stream().mapToInt(Integer::intValue).max().orElseThrow();
        assertThat(leaders.get(0).at("/node/member/reputation").asInt()).isEqualTo(topReputation);
        for (JsonNode leader : leaders) {
            String memberId = rawId(leader.at("/node/member/id").asText());
            assertThat(memberId).startsWith("se-conlang-meta-");
            assertThat(leader.at("/node/member/reputation").asInt()).as("reputation of %s", memberId)
                    .isEqualTo(engine.get(memberId));
        }

        // the knowledge graph: experts of a tag, the anonymous votes among the evidence, naming no voter
        JsonNode experts = api.data(alice, """
                query($id: ID!) { experts(communityId: $id, topics: ["discussion"], first: 3, evidence: 20) { edges { node {
                  score member { displayName } topics { topic score evidence { eventType actor { id } } } } } } }""",
                Map.of("id", communityId)).at("/experts/edges");
        assertThat(experts).isNotEmpty();
        assertThat(experts.get(0).at("/node/score").asDouble()).isPositive();
        List<JsonNode> anonymous = new ArrayList<>();
        experts.forEach(e -> e.at("/node/topics").forEach(t -> t.get("evidence").forEach(ev -> {
            if (ev.get("eventType").asText().equals("AnonymousVoteRecorded")) {
                anonymous.add(ev);
            }
        })));
        assertThat(anonymous).isNotEmpty().allSatisfy(ev -> assertThat(ev.get("actor").isNull()).isTrue());

        // search over the imported posts (HTML bodies and Markdown revisions alike)
        JsonNode search = api.data(alice, """
                query($q: String!, $f: SearchFilters) { search(query: $q, filters: $f, first: 5) {
                  totalCount edges { node { __typename ... on Question { title } } } } }""",
                Map.of("q", "conlang", "f", Map.of("community", communityId))).at("/search");
        assertThat(search.get("totalCount").asInt()).isPositive();

        // importing again changes nothing
        assertThat(system.importDump(SAMPLE, Map.of("source", "conlang-meta", "owner", "alice"))).isZero();
        assertThat(StoreInspector.eventCount(system)).isEqualTo(events);
    }

    private JsonNode awaitCommunity(String name, int questions) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(5));
        JsonNode last = null;
        while (Instant.now().isBefore(deadline)) {
            for (JsonNode node : api.data(alice, "{ communities(first: 50) { nodes { id name questionCount memberCount } } }",
                    Map.of()).at("/communities/nodes")) {
                if (node.get("name").asText().equals(name)) {
                    last = node;
                    if (node.get("questionCount").asInt() == questions && votesProjected(node.get("id").asText())) {
                        return node;
                    }
                }
            }
            Thread.sleep(1_000);
        }
        throw new AssertionError("the imported community did not show up complete in time: " + last);
    }

    /** Whether the read side's reputation caught up: the leader holds what the command side computed. */
    private boolean votesProjected(String communityId) {
        JsonNode leaders = api.data(alice, """
                query($id: ID!) { community(id: $id) { leaderboard(first: 1) { edges { node {
                  member { id reputation(communityId: $id) } } } } } }""", Map.of("id", communityId))
                .at("/community/leaderboard/edges");
        if (leaders.size() != 1) {
            return false;
        }
        Map<String, Integer> commandSide = commandSideReputation("se-conlang-meta");
        int top = commandSide.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        return leaders.get(0).at("/node/member/reputation").asInt() == top
                && Integer.valueOf(top).equals(commandSide.get(rawId(leaders.get(0).at("/node/member/id").asText())));
    }

    /** A global id's backend id: base64url of {@code Type:id}. */
    private static String rawId(String globalId) {
        String plain = new String(java.util.Base64.getUrlDecoder().decode(globalId), java.nio.charset.StandardCharsets.UTF_8);
        return plain.substring(plain.indexOf(':') + 1);
    }

    /** Each question's score in the dump, by title. */
    private static Map<String, Integer> questionScores() throws Exception {
        Map<String, Integer> scores = new HashMap<>();
        Pattern row = Pattern.compile("<row Id=\"\\d+\" PostTypeId=\"1\"[^>]*? Score=\"(-?\\d+)\"[^>]*? Title=\"([^\"]*)\"");
        try (var lines = Files.lines(SAMPLE.resolve("Posts.xml"))) {
            lines.forEach(line -> {
                Matcher m = row.matcher(line);
                if (m.find()) {
                    scores.put(unescape(m.group(2)), Integer.parseInt(m.group(1)));
                }
            });
        }
        return scores;
    }

    private static String unescape(String xml) {
        return xml.replace("&quot;", "\"").replace("&apos;", "'").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&amp;", "&");
    }

    /**
     * The reputation the command side holds (its ReputationEngine applied to every imported event in
     * the events' transactions; StackExchangeImportTest checks it against a replay of the events).
     */
    private Map<String, Integer> commandSideReputation(String communityId) {
        Map<String, Integer> totals = new HashMap<>();
        try (Connection connection = DriverManager.getConnection(system.jdbcUrl(), system.jdbcUser(), system.jdbcPassword());
             PreparedStatement statement = connection.prepareStatement(
                     "SELECT member_id, points FROM member_reputation WHERE community_id = ?")) {
            statement.setString(1, communityId);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    totals.put(rs.getString(1), BASE + rs.getInt(2));
                }
            }
        } catch (Exception e) {
            throw new AssertionError("cannot read the command side's reputation", e);
        }
        return totals;
    }
}
