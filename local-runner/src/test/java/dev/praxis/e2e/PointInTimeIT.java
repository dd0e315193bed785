package dev.praxis.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.praxis.local.LocalConfig;
import dev.praxis.local.LocalSystem;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Point-in-time answers end to end through GraphQL: a question at moments between its edit, votes,
 * accept and closing; a community's members and moderators, a member's reputation and privileges,
 * the feed and the experts at those moments; and the typed refusals of a moment in the future.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PointInTimeIT {

    @TempDir
    static Path dataDir;

    private LocalSystem system;
    private GraphQlCaller api;
    private String alice;
    private String bob;
    private String chen;

    @BeforeAll
    void start() {
        // generous time-outs: the services share a busy machine with other builds
        system = LocalSystem.start(LocalConfig.forTests(dataDir).startupTimeout(java.time.Duration.ofMinutes(6))
                .serviceArgs(dev.praxis.local.Service.QUERY, "--praxis.query.consistency-timeout=30s")
                .serviceArgs(dev.praxis.local.Service.GATEWAY, "--praxis.graphql.timeout=90s",
                        "--praxis.query-service.read-timeout=60s", "--praxis.command-service.read-timeout=60s").build());
        api = new GraphQlCaller(system.gatewayUrl());
        alice = api.signIn("alice", "Alice Adams");
        bob = api.signIn("bob", "Bob Brown");
        chen = api.signIn("chen", "Chen Cho");
    }

    @AfterAll
    void stop() {
        if (system != null) {
            system.close();
        }
    }

    @Test
    void questionsMembersReputationFeedAndExpertsAsOfPastMoments() throws Exception {
        Instant beforeAll = moment();
        String c = api.data(alice, """
                mutation { createCommunity(input: {name: "Time travellers"}) { community { id } } }""", Map.of())
                .at("/createCommunity/community/id").asText();
        Instant founded = moment();
        for (String member : List.of(bob, chen)) {
            api.data(member, "mutation($id: ID!) { joinCommunity(input: {communityId: $id}) { community { id } } }", Map.of("id", c));
        }
        String q = api.data(alice, """
                mutation($c: ID!) { askQuestion(input: {communityId: $c, title: "How far back can we read?",
                  body: "The first body.", tags: ["history"]}) { question { id } } }""", Map.of("c", c)).at("/askQuestion/question/id").asText();
        Instant asked = moment();
        String a = api.data(bob, "mutation($id: ID!) { postAnswer(input: {questionId: $id, body: \"To the first event.\"}) { answer { id } } }",
                Map.of("id", q)).at("/postAnswer/answer/id").asText();
        api.data(alice, "mutation($p: ID!) { vote(input: {postId: $p, direction: UP}) { clientMutationId } }", Map.of("p", a));
        Instant voted = moment();
        api.data(alice, """
                mutation($q: ID!) { editQuestion(input: {questionId: $q, title: "How far back can an auditor read?",
                  body: "The second body.", tags: ["history"]}) { clientMutationId } }""", Map.of("q", q));
        Instant edited = moment();
        api.data(alice, "mutation($a: ID!) { acceptAnswer(input: {answerId: $a}) { answer { accepted } } }", Map.of("a", a));
        Instant accepted = moment();
        api.data(alice, "mutation($q: ID!) { closeQuestion(input: {questionId: $q, reason: OFF_TOPIC}) { clientMutationId } }",
                Map.of("q", q));
        Instant closed = moment();

        String question = """
                query($q: ID!, $at: DateTime) { question(id: $q, asOf: $at) { title body score closed
                  acceptedAnswer { id } pointInTime { asOf position }
                  answers { id body score accepted pointInTime { position } } } }""";
        JsonNode atAsked = api.data(null, question, vars("q", q, "at", asked.toString())).get("question");
        assertThat(atAsked.get("title").asText()).isEqualTo("How far back can we read?");
        assertThat(atAsked.get("body").asText()).isEqualTo("The first body.");
        assertThat(atAsked.get("answers")).isEmpty();
        assertThat(atAsked.at("/pointInTime/asOf").asText()).isEqualTo(asked.toString());

        JsonNode atVoted = api.data(null, question, vars("q", q, "at", voted.toString())).get("question");
        assertThat(atVoted.at("/answers/0/score").asInt()).isEqualTo(1);
        assertThat(atVoted.at("/answers/0/accepted").asBoolean()).isFalse();
        assertThat(atVoted.get("acceptedAnswer").isNull()).isTrue();
        assertThat(atVoted.get("title").asText()).isEqualTo("How far back can we read?");
        assertThat(atVoted.at("/answers/0/pointInTime/position").asText()).isEqualTo(atVoted.at("/pointInTime/position").asText());

        JsonNode atEdited = api.data(null, question, vars("q", q, "at", edited.toString())).get("question");
        assertThat(atEdited.get("title").asText()).isEqualTo("How far back can an auditor read?");
        assertThat(atEdited.get("body").asText()).isEqualTo("The second body.");
        assertThat(atEdited.get("acceptedAnswer").isNull()).isTrue();

        JsonNode atAccepted = api.data(null, question, vars("q", q, "at", accepted.toString())).get("question");
        assertThat(atAccepted.at("/acceptedAnswer/id").asText()).isEqualTo(a);
        assertThat(atAccepted.at("/answers/0/accepted").asBoolean()).isTrue();
        assertThat(atAccepted.get("closed").asBoolean()).isFalse();

        JsonNode atClosed = api.data(null, question, vars("q", q, "at", closed.toString())).get("question");
        assertThat(atClosed.get("closed").asBoolean()).isTrue();
        assertThat(Long.parseLong(atClosed.at("/pointInTime/position").asText()))
                .isGreaterThan(Long.parseLong(atAccepted.at("/pointInTime/position").asText()));
        // now, without asOf: the present read, which says no moment
        JsonNode now = api.data(null, question, vars("q", q)).get("question");
        assertThat(now.get("pointInTime").isNull()).isTrue();
        assertThat(now.get("closed").asBoolean()).isTrue();

        // before the question was asked: NOT_FOUND; a moment in the future: BAD_REQUEST
        assertRefused(null, question, vars("q", q, "at", founded.toString()), "NOT_FOUND", "UNKNOWN_QUESTION");
        assertRefused(null, question, vars("q", q, "at", Instant.now().plusSeconds(3600).toString()), "BAD_REQUEST",
                "AS_OF_IN_FUTURE");

        // members and moderators
        String members = """
                query($c: ID!, $at: DateTime) { community(id: $c) { members(asOf: $at) { totalCount nodes { role pointInTime { asOf }
                  member { displayName } } } moderators(asOf: $at) { role member { displayName } } } }""";
        JsonNode atFounding = api.data(null, members, vars("c", c, "at", founded.toString())).get("community");
        assertThat(atFounding.at("/members/totalCount").asInt()).isEqualTo(1);
        assertThat(atFounding.at("/members/nodes/0/member/displayName").asText()).isEqualTo("Alice Adams");
        assertThat(atFounding.at("/members/nodes/0/pointInTime/asOf").asText()).isEqualTo(founded.toString());
        assertThat(api.data(null, members, vars("c", c, "at", asked.toString())).at("/community/members/totalCount").asInt())
                .isEqualTo(3);
        assertThat(atFounding.at("/moderators/0/role").asText()).isEqualTo("OWNER");
        assertRefused(null, members, vars("c", c, "at", beforeAll.toString()), "NOT_FOUND", "UNKNOWN_COMMUNITY");

        // reputation and privileges: bob earned 10 for the upvote, then 15 for the accept
        String reputation = """
                query($m: ID!, $at: DateTime) { member(id: $m) { reputationSummary(asOf: $at) { total pointInTime { position }
                  communities { reputation } } } }""";
        assertThat(api.data(null, reputation, vars("m", member("bob"), "at", asked.toString()))
                .at("/member/reputationSummary/total").asInt()).isEqualTo(1);
        assertThat(api.data(null, reputation, vars("m", member("bob"), "at", voted.toString()))
                .at("/member/reputationSummary/total").asInt()).isEqualTo(11);
        assertThat(api.data(null, reputation, vars("m", member("bob"), "at", accepted.toString()))
                .at("/member/reputationSummary/total").asInt()).isEqualTo(26);
        assertThat(api.data(null, reputation, vars("m", member("bob"))).at("/member/reputationSummary/pointInTime").isNull()).isTrue();
        String privileges = """
                query($c: ID!, $at: DateTime) { community(id: $c) { viewerPrivileges(asOf: $at) { reputation
                  privileges { privilege held } pointInTime { asOf } } } }""";
        assertThat(held(api.data(bob, privileges, vars("c", c, "at", asked.toString())), "UPVOTE")).isFalse();
        assertThat(held(api.data(bob, privileges, vars("c", c, "at", accepted.toString())), "UPVOTE")).isTrue();

        // the feed and the experts then
        String feed = """
                query($c: ID!, $at: DateTime) { community(id: $c) { feed(asOf: $at) { nodes { title pointInTime { position } } } } }""";
        assertThat(api.data(null, feed, vars("c", c, "at", founded.toString())).at("/community/feed/nodes")).isEmpty();
        assertThat(api.data(null, feed, vars("c", c, "at", asked.toString())).at("/community/feed/nodes/0/title").asText())
                .isEqualTo("How far back can we read?");
        String experts = """
                query($c: ID!, $at: DateTime) { experts(communityId: $c, topics: ["history"], asOf: $at) {
                  nodes { member { displayName } pointInTime { asOf } } } }""";
        assertThat(api.data(null, experts, vars("c", c, "at", asked.toString())).at("/experts/nodes")).isEmpty();
        JsonNode ranked = api.data(null, experts, vars("c", c, "at", accepted.toString()));
        assertThat(ranked.at("/experts/nodes/0/member/displayName").asText()).as(ranked.toString()).isEqualTo("Bob Brown");
        assertThat(ranked.at("/experts/nodes/0/pointInTime/asOf").asText()).isEqualTo(accepted.toString());
    }

    /** An instant strictly between the last write and the next one. */
    private static Instant moment() throws InterruptedException {
        Thread.sleep(30);
        Instant now = Instant.now();
        Thread.sleep(30);
        return now;
    }

    private static boolean held(JsonNode data, String privilege) {
        List<String> held = new ArrayList<>();
        data.at("/community/viewerPrivileges/privileges").forEach(p -> {
            if (p.get("held").asBoolean()) {
                held.add(p.get("privilege").asText());
            }
        });
        return held.contains(privilege);
    }

    private void assertRefused(String token, String document, Map<String, ?> variables, String classification, String code) {
        JsonNode response = api.call(token, document, variables);
        assertThat(response.get("errors")).as(response.toString()).isNotNull().isNotEmpty();
        JsonNode error = response.get("errors").get(0);
        assertThat(error.at("/extensions/classification").asText()).as(error.toString()).isEqualTo(classification);
        assertThat(error.at("/extensions/code").asText()).as(error.toString()).isEqualTo(code);
    }

    private static Map<String, Object> vars(Object... pairs) {
        Map<String, Object> variables = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            variables.put((String) pairs[i], pairs[i + 1]);
        }
        return variables;
    }

    private static String member(String rawId) {
        return java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString(("Member:" + rawId).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
