package dev.praxis.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.praxis.local.LocalConfig;
import dev.praxis.local.LocalSystem;
import dev.praxis.local.PraxisAudit;
import dev.praxis.local.Service;
import dev.praxis.local.ServiceJars;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The auditors end to end: the role's matrix on history, verification and export through the
 * gateway (anonymous, member, auditor), then the round trip: a community's events exported as
 * NDJSON through the gateway, imported with the command line into the empty store of a second
 * system, whose query service rebuilds from them the very read models of that community.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dataDir;
    @TempDir
    static Path importDir;

    private LocalSystem system;
    private LocalSystem replica;
    private GraphQlCaller api;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    void start() {
        system = LocalSystem.start(LocalConfig.forTests(dataDir).startupTimeout(Duration.ofMinutes(6)).build());
        api = new GraphQlCaller(system.gatewayUrl());
    }

    @AfterAll
    void stop() {
        for (LocalSystem s : new LocalSystem[] {replica, system}) {
            if (s != null) {
                s.close();
            }
        }
    }

    @Test
    void auditorsReadVerifyAndExportAndAnExportRebuildsTheCommunitysReadModels() throws Exception {
        String alice = api.signIn("alice", "Alice Adams");
        String bob = api.signIn("bob", "Bob Brown");
        String carol = api.signIn("carol", "Carol Chu");
        String audra = signIn("audra", List.of("auditor"));

        // community A (alice, bob), made private after the fact; community B (carol only)
        String java = api.data(alice, """
                mutation($input: CreateCommunityInput!) { createCommunity(input: $input) { community { id } } }""",
                Map.of("input", Map.of("name", "Java Practitioners", "privilegePreset", "TEAM")))
                .at("/createCommunity/community/id").asText();
        api.data(bob, "mutation($id: ID!) { joinCommunity(input: {communityId: $id}) { community { id } } }", Map.of("id", java));
        String question = api.data(alice, """
                mutation($input: AskQuestionInput!) { askQuestion(input: $input) { question { id } } }""",
                Map.of("input", Map.of("communityId", java, "title", "How do I rebuild one Axon projection?",
                        "body", "My tracking processor is wrong.", "tags", List.of("axon")))).at("/askQuestion/question/id").asText();
        String answer = api.data(bob, """
                mutation($input: PostAnswerInput!) { postAnswer(input: $input) { answer { id } } }""",
                Map.of("input", Map.of("questionId", question, "body", "Reset its tokens and let it replay.")))
                .at("/postAnswer/answer/id").asText();
        api.data(bob, "mutation($id: ID!) { vote(input: {postId: $id, direction: UP}) { question { score } } }", Map.of("id", question));
        api.data(alice, "mutation($id: ID!) { acceptAnswer(input: {answerId: $id}) { answer { accepted } } }", Map.of("id", answer));
        api.data(bob, "mutation { updateProfile(input: {displayName: \"Bob Brown\", bio: \"Axon user\", skills: [\"axon\"]}) { clientMutationId } }",
                Map.of());
        api.data(alice, """
                mutation($id: ID!) { changeCommunitySettings(input: {communityId: $id, visibility: PRIVATE}) { clientMutationId } }""",
                Map.of("id", java));
        String rust = api.data(carol, """
                mutation($input: CreateCommunityInput!) { createCommunity(input: $input) { community { id } } }""",
                Map.of("input", Map.of("name", "Rustaceans"))).at("/createCommunity/community/id").asText();
        api.data(carol, """
                mutation($input: AskQuestionInput!) { askQuestion(input: $input) { question { id } } }""",
                Map.of("input", Map.of("communityId", rust, "title", "Borrowing across threads, how?", "body", "Details.",
                        "tags", List.of("async"))));

        // ---- history: the auditor reads the private community's, its members too, carol not
        String history = """
                query($c: ID) { history(community: $c, first: 50) { totalCount
                  nodes { position type summary metadata actor { id } community { name } } } }""";
        JsonNode audited = api.data(audra, history, Map.of("c", java)).get("history");
        List<String> types = new ArrayList<>();
        audited.get("nodes").forEach(n -> types.add(n.get("type").asText().replaceAll(".*\\.", "")));
        assertThat(types).contains("CommunityCreated", "MemberJoinedCommunity", "QuestionAsked", "AnswerPosted", "VoteCast",
                "AnswerAccepted", "CommunityVisibilityChanged");
        assertThat(audited.at("/nodes/0/community/name").asText()).isEqualTo("Java Practitioners");
        assertThat(audited.at("/nodes/0/metadata").asText()).contains("correlationId");
        assertThat(api.data(bob, history, Map.of("c", java)).at("/history/nodes/0/metadata").isNull()).isTrue();
        assertError(api.call(carol, history, Map.of("c", java)), "NOT_FOUND", null);
        assertError(api.call(null, "{ history { totalCount } }", Map.of()), "FORBIDDEN", "AUDITORS_ONLY");
        assertError(api.call(carol, "{ history { totalCount } }", Map.of()), "FORBIDDEN", "AUDITORS_ONLY");
        assertThat(api.data(audra, "{ history(first: 1) { totalCount } }", Map.of()).at("/history/totalCount").asLong())
                .isEqualTo(StoreInspector.eventCount(system));
        // the role opens the existing reads too, read only
        assertThat(api.data(audra, "query($id: ID!) { node(id: $id) { id } }", Map.of("id", question)).at("/node/id").asText())
                .isEqualTo(question);
        assertError(api.call(carol, "query($id: ID!) { node(id: $id) { id } }", Map.of("id", question)), "NOT_FOUND", "UNKNOWN_NODE");
        assertError(api.call(audra, "mutation($id: ID!) { joinCommunity(input: {communityId: $id}) { community { id } } }",
                Map.of("id", java)), null, null);

        // ---- verification: auditors only
        String verify = "{ eventChainVerification { intact eventsChecked brokenLinks firstBroken { position } } }";
        JsonNode verified = api.data(audra, verify, Map.of()).get("eventChainVerification");
        assertThat(verified.get("intact").asBoolean()).isTrue();
        assertThat(verified.get("eventsChecked").asLong()).isEqualTo(StoreInspector.eventCount(system));
        assertError(api.call(carol, verify, Map.of()), "FORBIDDEN", "AUDITORS_ONLY");
        assertError(api.call(null, verify, Map.of()), "UNAUTHORIZED", null);

        // ---- export: auditors only, through the gateway
        assertThat(export(null, java).statusCode()).isEqualTo(401);
        assertThat(export(carol, java).statusCode()).isEqualTo(403);
        HttpResponse<String> exported = export(audra, java);
        assertThat(exported.statusCode()).isEqualTo(200);
        String[] lines = exported.body().split("\n");
        assertThat(lines).allSatisfy(line -> assertThat(line).doesNotContain("carol").doesNotContain("Rustaceans"));
        assertThat(exported.body()).contains("\"aggregateId\":\"bob\"").contains("Axon user"); // the members' own streams
        Path file = importDir.resolve("java.ndjson");
        Files.writeString(file, exported.body());

        // ---- the round trip: an empty store, the import, the query service rebuilds
        replica = LocalSystem.start(LocalConfig.forTests(importDir.resolve("replica")).startupTimeout(Duration.ofMinutes(6)).build());
        assertThat(StoreInspector.eventCount(replica)).isZero();
        Path jar = ServiceJars.locate().jar(Service.COMMAND);
        Map<String, String> store = Map.of("PRAXIS_EVENTSTORE_URL", replica.jdbcUrl(),
                "PRAXIS_EVENTSTORE_USERNAME", replica.jdbcUser(), "PRAXIS_EVENTSTORE_PASSWORD", replica.jdbcPassword());
        assertThat(PraxisAudit.runCli(jar, List.of("import-events", file.toString()), store)).isZero();
        // after the events, the keys of the members whose personal texts they carry (docs/privacy.md)
        assertThat(StoreInspector.eventCount(replica))
                .isEqualTo(Arrays.stream(lines).filter(line -> line.startsWith("{\"position\"")).count());
        assertThat(PraxisAudit.runCli(jar, List.of("verify"), store)).isZero();
        assertThat(PraxisAudit.runCli(jar, List.of("import-events", file.toString()), store)).as("not into a non-empty store")
                .isEqualTo(2);

        Map<String, List<Document>> expected = withoutCommunity(StoreInspector.readModels(system),
                List.of(rawId(rust), "carol", "Rustaceans"));
        Map<String, List<Document>> rebuilt = awaitReadModels(replica, expected);
        assertThat(rebuilt.keySet()).isEqualTo(expected.keySet());
        List<String> differing = expected.keySet().stream()
                .filter(collection -> !expected.get(collection).equals(rebuilt.get(collection))).toList();
        assertThat(differing).as("collections that differ: expected %s%nbut rebuilt %s",
                differing.stream().map(expected::get).toList(), differing.stream().map(rebuilt::get).toList()).isEmpty();
    }

    // ---- helpers

    private String signIn(String memberId, List<String> roles) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(system.gatewayUrl() + "/dev/token"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("memberId", memberId, "roles", roles))))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body()).get("token").asText();
    }

    private HttpResponse<String> export(String token, String community) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(system.gatewayUrl() + "/audit/export?community="
                + java.net.URLEncoder.encode(community, java.nio.charset.StandardCharsets.UTF_8))).timeout(Duration.ofSeconds(60));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String rawId(String globalId) {
        String plain = new String(java.util.Base64.getUrlDecoder().decode(globalId), java.nio.charset.StandardCharsets.UTF_8);
        return plain.substring(plain.indexOf(':') + 1);
    }

    /**
     * The read models without the documents of the other community (its id, its only member or its name
     * in them), and without {@code reputation_counters}: a sequence counting reputation inputs across
     * all communities, which the replica, holding one community, counts lower.
     */
    private static Map<String, List<Document>> withoutCommunity(Map<String, List<Document>> models, List<String> marks) {
        Map<String, List<Document>> kept = new TreeMap<>();
        models.forEach((collection, documents) -> {
            if (collection.equals("reputation_counters")) {
                return;
            }
            List<Document> own = documents.stream()
                    .filter(d -> marks.stream().noneMatch(mark -> d.toJson().contains(mark))).toList();
            // ranked again among this community's inputs alone, as the replica ranks them
            StoreInspector.comparableOrderNumbers(collection, own);
            if (!own.isEmpty()) {
                kept.put(collection, own);
            }
        });
        return kept;
    }

    private static Map<String, List<Document>> awaitReadModels(LocalSystem system, Map<String, List<Document>> expected)
            throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        Map<String, List<Document>> models = comparable(StoreInspector.readModels(system));
        while (!models.equals(expected) && System.nanoTime() < deadline) {
            Thread.sleep(500);
            models = comparable(StoreInspector.readModels(system));
        }
        return models;
    }

    private static Map<String, List<Document>> comparable(Map<String, List<Document>> models) {
        models.remove("reputation_counters");
        return models;
    }

    private static void assertError(JsonNode response, String classification, String code) {
        assertThat(response.get("errors")).as("%s", response).isNotNull().isNotEmpty();
        JsonNode extensions = response.at("/errors/0/extensions");
        if (classification != null) {
            assertThat(extensions.get("classification").asText()).as("%s", response).isEqualTo(classification);
        }
        if (code != null) {
            assertThat(extensions.get("code").asText()).isEqualTo(code);
        }
    }
}
