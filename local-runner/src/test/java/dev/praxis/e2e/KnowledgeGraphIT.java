package dev.praxis.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.praxis.local.LocalConfig;
import dev.praxis.local.LocalSystem;
import dev.praxis.local.Service;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The knowledge graph end to end through GraphQL on the three services: experts with the evidence
 * behind their score, a reversal, suggested answerers, related tags, a member's expertise, a
 * connection, a private community kept private, refusals, and a rebuild from the events.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KnowledgeGraphIT {

    private static final String EXPERTS = """
            query($c: ID!, $topics: [String!]!, $first: Int, $evidence: Int) {
              experts(communityId: $c, topics: $topics, first: $first, evidence: $evidence) {
                totalCount pageInfo { hasNextPage endCursor }
                nodes { score member { id displayName } community { id }
                  topics { topic score evidenceCount
                    evidence { eventId eventType kind weight contribution occurredAt
                      actor { displayName } question { id } answer { id } } } } } }""";

    @TempDir
    static Path dataDir;

    private LocalSystem system;
    private GraphQlCaller api;
    private String alice;
    private String bob;
    private String chen;
    private String dora;
    private String erin;
    private String guild;
    private String vault;
    private String q1;
    private String a1;
    private String a2;

    @BeforeAll
    void start() {
        // generous limits: the test shares a small machine with other builds
        system = LocalSystem.start(LocalConfig.forTests(dataDir).startupTimeout(Duration.ofMinutes(6))
                .serviceArgs(Service.QUERY, "--praxis.query.consistency-timeout=30s").build());
        api = new GraphQlCaller(system.gatewayUrl());
        alice = api.signIn("alice", "Alice Adams");
        bob = api.signIn("bob", "Bob Brown");
        chen = api.signIn("chen", "Chen Cho");
        dora = api.signIn("dora", "Dora Diaz");
        erin = api.signIn("erin", "Erin Evans");
    }

    @AfterAll
    void stop() {
        if (system != null) {
            system.close();
        }
    }

    @Test
    @Order(1)
    void expertsComeWithTheEvidenceThatExplainsTheirScore() {
        guild = api.data(alice, """
                mutation { createCommunity(input: {name: "Stream Guild", privilegePreset: TEAM}) { community { id } } }""",
                Map.of()).at("/createCommunity/community/id").asText();
        for (String member : List.of(bob, chen, dora)) {
            api.data(member, "mutation($id: ID!) { joinCommunity(input: {communityId: $id}) { community { id } } }",
                    Map.of("id", guild));
        }
        api.data(bob, "mutation { updateProfile(input: {displayName: \"Bob Brown\", skills: [\"kafka\"]}) { member { id } } }",
                Map.of());
        q1 = ask(alice, guild, "How do I replay a Kafka topic into Axon?", List.of("kafka", "axon"));
        a1 = answer(bob, q1, "Use a streaming source and reset the token.");
        a2 = answer(chen, q1, "Copy the topic first.");
        vote(chen, a1);
        vote(dora, a1);
        vote(dora, a2);
        api.data(dora, "mutation($p: ID!) { retractVote(input: {postId: $p}) { answer { score } } }", Map.of("p", a2));
        api.data(alice, "mutation($a: ID!) { acceptAnswer(input: {answerId: $a}) { answer { accepted } } }", Map.of("a", a1));
        api.data(alice, "mutation($a: ID!) { endorseAnswer(input: {answerId: $a, note: \"Works.\"}) { answer { id } } }",
                Map.of("a", a1));
        api.data(dora, "mutation($m: ID!) { endorseSkill(input: {memberId: $m, skill: \"kafka\"}) { member { id } } }",
                Map.of("m", memberId(bob)));

        JsonNode experts = api.data(null, EXPERTS, Map.of("c", guild, "topics", List.of("kafka"), "evidence", 20))
                .at("/experts");
        // chen's only upvote was retracted: bob alone has recognised work in kafka
        assertThat(experts.get("totalCount").asInt()).isEqualTo(1);
        JsonNode bobAsExpert = experts.at("/nodes/0");
        assertThat(bobAsExpert.at("/member/displayName").asText()).isEqualTo("Bob Brown");
        assertThat(bobAsExpert.at("/community/id").asText()).isEqualTo(guild);
        JsonNode kafka = bobAsExpert.at("/topics/0");
        assertThat(kafka.get("topic").asText()).isEqualTo("kafka");
        assertThat(kafka.get("evidenceCount").asInt()).isEqualTo(5);
        assertThat(kinds(kafka.get("evidence"))).containsExactly(
                "ACCEPTED_ANSWER", "ANSWER_ENDORSEMENT", "SKILL_ENDORSEMENT", "ANSWER_UPVOTE", "ANSWER_UPVOTE");
        double sum = 0;
        for (JsonNode evidence : kafka.get("evidence")) {
            assertThat(evidence.get("eventId").asText()).isNotBlank();
            sum += evidence.get("contribution").asDouble();
        }
        // the work is seconds old: each contribution is its full weight, and they add up to the score
        assertThat(sum).isCloseTo(bobAsExpert.get("score").asDouble(), within(1e-6));
        assertThat(sum).isCloseTo(4 + 3 + 2 + 1 + 1, within(1e-3));
        JsonNode accepted = kafka.at("/evidence/0");
        assertThat(accepted.get("eventType").asText()).isEqualTo("AnswerAccepted");
        assertThat(accepted.at("/actor/displayName").asText()).isEqualTo("Alice Adams");
        assertThat(accepted.at("/question/id").asText()).isEqualTo(q1);
        assertThat(accepted.at("/answer/id").asText()).isEqualTo(a1);
        assertThat(kafka.at("/evidence/2/actor/displayName").asText()).isEqualTo("Dora Diaz");
        assertThat(kafka.at("/evidence/2/question").isNull()).isTrue();

        // two topics: ranked by the sum; the skill endorsement counts in kafka only
        JsonNode both = api.data(null, EXPERTS, Map.of("c", guild, "topics", List.of("axon", "kafka"), "evidence", 0))
                .at("/experts/nodes/0");
        assertThat(both.get("score").asDouble()).isCloseTo(9 + 11, within(1e-3));
        assertThat(both.get("topics")).hasSize(2);
    }

    @Test
    @Order(2)
    void anUnacceptedAnswerNoLongerCounts() {
        api.data(alice, "mutation($q: ID!) { withdrawAcceptance(input: {questionId: $q}) { question { id } } }",
                Map.of("q", q1));
        JsonNode kafka = api.data(null, EXPERTS, Map.of("c", guild, "topics", List.of("kafka"), "evidence", 20))
                .at("/experts/nodes/0/topics/0");
        assertThat(kafka.get("score").asDouble()).isCloseTo(3 + 2 + 1 + 1, within(1e-3));
        assertThat(kinds(kafka.get("evidence"))).doesNotContain("ACCEPTED_ANSWER");
        api.data(alice, "mutation($a: ID!) { acceptAnswer(input: {answerId: $a}) { answer { accepted } } }", Map.of("a", a1));
    }

    @Test
    @Order(3)
    void suggestionsRelatedTagsProfilesAndConnections() {
        String q2 = ask(dora, guild, "How many partitions does a topic need?", List.of("kafka"));
        JsonNode suggested = api.data(null, """
                query($q: ID!) { question(id: $q) { suggestedAnswerers(first: 5) { totalCount
                  nodes { score expertise recentActivity lastActiveAt member { displayName } topics { topic } } } } }""",
                Map.of("q", q2)).at("/question/suggestedAnswerers");
        // bob knows kafka, chen answered in it lately; dora asked, so never her
        assertThat(names(suggested.get("nodes"), "/member/displayName")).containsExactly("Bob Brown", "Chen Cho");
        assertThat(suggested.at("/nodes/0/expertise").asDouble()).isGreaterThan(9);
        assertThat(suggested.at("/nodes/1/expertise").asDouble()).isZero();
        assertThat(suggested.at("/nodes/1/recentActivity").asDouble()).isGreaterThan(0.9);

        answer(bob, q2, "One per consumer, to start.");
        JsonNode afterBob = api.data(null, """
                query($q: ID!) { question(id: $q) { suggestedAnswerers { nodes { member { displayName } } } } }""",
                Map.of("q", q2)).at("/question/suggestedAnswerers");
        assertThat(names(afterBob.get("nodes"), "/member/displayName")).containsExactly("Chen Cho");

        JsonNode related = api.data(null, """
                query($c: ID!) { tag(communityId: $c, name: "kafka") { relatedTags(first: 5) { totalCount
                  nodes { name questionCount tag { name } } } } }""", Map.of("c", guild)).at("/tag/relatedTags");
        assertThat(related.get("totalCount").asInt()).isEqualTo(1);
        assertThat(related.at("/nodes/0/name").asText()).isEqualTo("axon");
        assertThat(related.at("/nodes/0/questionCount").asInt()).isEqualTo(1);
        assertThat(related.at("/nodes/0/tag/name").asText()).isEqualTo("axon");

        JsonNode profile = api.data(null, """
                query($m: ID!) { member(id: $m) { expertise(first: 10, evidence: 1) { totalCount
                  nodes { topic score community { id } evidence { kind } } } } }""", Map.of("m", memberId(bob)))
                .at("/member/expertise");
        assertThat(names(profile.get("nodes"), "/topic")).containsExactly("kafka", "axon");
        assertThat(profile.at("/nodes/0/evidence")).hasSize(1);

        JsonNode path = api.data(null, """
                query($from: ID!, $to: ID!) { connection(from: $from, to: $to) {
                  nodes { kind member { displayName } question { id } topic }
                  edges { kind weight member { displayName } evidence { kind eventId } } } }""",
                Map.of("from", memberId(alice), "to", memberId(chen))).at("/connection");
        assertThat(names(path.get("nodes"), "/kind")).containsExactly("MEMBER", "QUESTION", "MEMBER");
        assertThat(path.at("/nodes/0/member/displayName").asText()).isEqualTo("Alice Adams");
        assertThat(path.at("/nodes/1/question/id").asText()).isEqualTo(q1);
        assertThat(path.at("/nodes/2/member/displayName").asText()).isEqualTo("Chen Cho");
        assertThat(path.at("/edges/0/evidence/0/kind").asText()).isEqualTo("ASKED");
        assertThat(path.at("/edges/1/evidence/0/kind").asText()).isEqualTo("ANSWERED");
    }

    @Test
    @Order(4)
    void aPrivateCommunitysExpertiseReachesItsMembersOnly() {
        vault = api.data(erin, """
                mutation { createCommunity(input: {name: "Vault", privilegePreset: TEAM, visibility: PRIVATE}) { community { id } } }""",
                Map.of()).at("/createCommunity/community/id").asText();
        api.data(erin, "mutation($c: ID!, $m: ID!) { inviteMember(input: {communityId: $c, memberId: $m}) { community { id } } }",
                Map.of("c", vault, "m", memberId(bob)));
        api.data(bob, "mutation($id: ID!) { joinCommunity(input: {communityId: $id}) { community { id } } }", Map.of("id", vault));
        String secret = ask(erin, vault, "Where do we keep the signing keys?", List.of("secrets"));
        vote(erin, answer(bob, secret, "In the hardware module."));

        JsonNode asErin = api.data(erin, EXPERTS, Map.of("c", vault, "topics", List.of("secrets"), "evidence", 1)).at("/experts");
        assertThat(names(asErin.get("nodes"), "/member/displayName")).containsExactly("Bob Brown");
        assertRefused(dora, EXPERTS, Map.of("c", vault, "topics", List.of("secrets")), "FORBIDDEN", "PRIVATE_COMMUNITY");
        assertRefused(null, EXPERTS, Map.of("c", vault, "topics", List.of("secrets")), "FORBIDDEN", "PRIVATE_COMMUNITY");

        String profile = "query($m: ID!) { member(id: $m) { expertise { nodes { topic } } } }";
        assertThat(names(api.data(dora, profile, Map.of("m", memberId(bob))).at("/member/expertise/nodes"), "/topic"))
                .containsExactly("kafka", "axon");
        assertThat(names(api.data(erin, profile, Map.of("m", memberId(bob))).at("/member/expertise/nodes"), "/topic"))
                .containsExactlyInAnyOrder("kafka", "axon", "secrets");
    }

    @Test
    @Order(5)
    void badQuestionsAreRefusedWithACode() {
        assertRefused(null, EXPERTS, Map.of("c", guild, "topics", List.of()), "BAD_REQUEST", "MISSING_TOPICS");
        assertRefused(null, EXPERTS, Map.of("c", guild, "topics", List.of("kafka"), "first", 0), "BAD_REQUEST",
                "INVALID_PAGE_SIZE");
        assertRefused(null, EXPERTS, Map.of("c", guild, "topics", List.of("kafka"), "evidence", 21), "BAD_REQUEST",
                "INVALID_EVIDENCE_LIMIT");
        assertRefused(null, EXPERTS, Map.of("c", q1, "topics", List.of("kafka")), "BAD_REQUEST", "INVALID_ID");
        JsonNode none = api.call(null, "query($a: ID!, $b: ID!) { connection(from: $a, to: $b) { nodes { kind } } }",
                Map.of("a", memberId(dora), "b", memberId(erin)));
        assertThat(none.get("errors")).as(none.toString()).isNull();
        assertThat(none.at("/data/connection").isNull()).isTrue();
    }

    @Test
    @Order(6)
    void rebuildingFromTheEventsGivesTheSameKnowledgeGraph() {
        Map<String, List<Document>> before = knowledge();
        List<String> evidenceBefore = evidenceIds();
        assertThat(before).containsKeys("knowledge_expertise", "knowledge_contributions");

        system.stop(Service.QUERY);
        StoreInspector.dropReadDatabase(system);
        system.start(Service.QUERY);

        long deadline = System.nanoTime() + 60_000_000_000L;
        while (!knowledge().equals(before) && System.nanoTime() < deadline) {
            sleep();
        }
        assertThat(knowledge()).isEqualTo(before);
        assertThat(evidenceIds()).isEqualTo(evidenceBefore);
    }

    private Map<String, List<Document>> knowledge() {
        Map<String, List<Document>> knowledge = new TreeMap<>(StoreInspector.readModels(system));
        knowledge.keySet().removeIf(name -> !name.startsWith("knowledge_"));
        return knowledge;
    }

    private List<String> evidenceIds() {
        JsonNode experts = api.data(null, EXPERTS, Map.of("c", guild, "topics", List.of("kafka", "axon"), "evidence", 20))
                .at("/experts/nodes");
        List<String> ids = new ArrayList<>();
        experts.forEach(expert -> expert.get("topics").forEach(topic -> topic.get("evidence")
                .forEach(e -> ids.add(expert.at("/member/displayName").asText() + ":" + topic.get("topic").asText() + ":"
                        + e.get("eventId").asText()))));
        return ids;
    }

    private String memberId(String token) {
        return api.data(token, "{ viewer { id } }", Map.of()).at("/viewer/id").asText();
    }

    private String ask(String token, String communityId, String title, List<String> tags) {
        return api.data(token, """
                mutation($c: ID!, $t: String!, $tags: [String!]) { askQuestion(input: {communityId: $c, title: $t,
                  body: "Details.", tags: $tags}) { question { id } } }""",
                Map.of("c", communityId, "t", title, "tags", tags)).at("/askQuestion/question/id").asText();
    }

    private String answer(String token, String questionId, String body) {
        return api.data(token, "mutation($id: ID!, $body: String!) { postAnswer(input: {questionId: $id, body: $body}) { answer { id } } }",
                Map.of("id", questionId, "body", body)).at("/postAnswer/answer/id").asText();
    }

    private void vote(String token, String postId) {
        api.data(token, "mutation($id: ID!) { vote(input: {postId: $id, direction: UP}) { answer { score } } }",
                Map.of("id", postId));
    }

    private static List<String> kinds(JsonNode evidence) {
        return names(evidence, "/kind");
    }

    private static List<String> names(JsonNode nodes, String pointer) {
        List<String> names = new ArrayList<>();
        nodes.forEach(node -> names.add(node.at(pointer).asText()));
        return names;
    }

    private void assertRefused(String token, String document, Map<String, ?> variables, String classification, String code) {
        JsonNode response = api.call(token, document, variables);
        assertThat(response.get("errors")).as(response.toString()).isNotNull().hasSize(1);
        JsonNode error = response.get("errors").get(0);
        assertThat(error.at("/extensions/classification").asText()).as(error.toString()).isEqualTo(classification);
        assertThat(error.at("/extensions/code").asText()).as(error.toString()).isEqualTo(code);
    }

    private static void sleep() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
