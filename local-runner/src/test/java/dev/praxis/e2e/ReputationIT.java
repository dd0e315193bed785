package dev.praxis.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.praxis.local.LocalConfig;
import dev.praxis.local.LocalSystem;
import java.nio.file.Path;
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
 * Reputation end to end through GraphQL: the figures, the history naming each event, the viewer's
 * privileges and the command side's gate agreeing with them, leaderboards per community and tag, a
 * rules change recomputing both sides, refusals that write nothing, and a private community's
 * figures shown to its members only.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReputationIT {

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
                .serviceArgs(dev.praxis.local.Service.QUERY, "--praxis.query.consistency-timeout=30s").build());
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
    void reputationPrivilegesLeaderboardsAndRulesWorkThroughGraphQL() {
        // Stack Overflow's thresholds: the owner holds every privilege, newcomers none
        String c = api.data(alice, """
                mutation { createCommunity(input: {name: "Event sourcing guild"}) { community { id } } }""", Map.of())
                .at("/createCommunity/community/id").asText();
        community = c;
        for (String member : List.of(bob, chen)) {
            api.data(member, "mutation($id: ID!) { joinCommunity(input: {communityId: $id}) { community { id } } }",
                    Map.of("id", c));
        }
        String q = api.data(alice, """
                mutation($c: ID!) { askQuestion(input: {communityId: $c, title: "How do I replay one processor?",
                  body: "Details.", tags: ["axon"]}) { question { id } } }""", Map.of("c", c)).at("/askQuestion/question/id").asText();
        String bobsAnswer = answer(bob, q, "Reset its tokens.");
        String chensAnswer = answer(chen, q, "Drop the read models.");

        vote(alice, bobsAnswer, "UP");
        api.data(alice, "mutation($a: ID!) { acceptAnswer(input: {answerId: $a}) { answer { accepted } } }", Map.of("a", bobsAnswer));
        // bob: 1 + 10 + 15 holds UPVOTE (15) now, and votes alice's question up: alice 1 + 2 + 10
        vote(bob, q, "UP");
        assertThat(figure(bob, "bob", c)).isEqualTo(26);
        assertThat(figure(bob, "alice", c)).isEqualTo(13);

        JsonNode privileges = api.data(bob, """
                query($c: ID!) { community(id: $c) { viewerPrivileges { reputation role privileges { privilege threshold held } } } }""",
                Map.of("c", c)).at("/community/viewerPrivileges");
        assertThat(privileges.get("reputation").asInt()).isEqualTo(26);
        assertThat(held(privileges)).containsEntry("UPVOTE", true).containsEntry("DOWNVOTE", false);
        // the command side gates on the same figure
        long before = StoreInspector.eventCount(system);
        assertRefused(bob, "mutation($p: ID!) { vote(input: {postId: $p, direction: DOWN}) { answer { score } } }",
                Map.of("p", chensAnswer), "FORBIDDEN", "MISSING_PRIVILEGE");
        assertThat(StoreInspector.eventCount(system)).isEqualTo(before);

        String history = """
                query($m: ID!, $c: ID) { member(id: $m) { reputationSummary { total communities { community { name } reputation } }
                  reputationHistory(communityId: $c, first: 10) { totalCount nodes { eventId eventType reason reversal amount total
                  rulesVersion question { title } community { name } } } } }""";
        JsonNode bobs = api.data(null, history, vars("m", member("bob"), "c", c)).at("/member");
        assertThat(bobs.at("/reputationSummary/total").asInt()).isEqualTo(26);
        assertThat(bobs.at("/reputationSummary/communities/0/community/name").asText()).isEqualTo("Event sourcing guild");
        assertThat(bobs.at("/reputationHistory/totalCount").asInt()).isEqualTo(2);
        JsonNode accepted = bobs.at("/reputationHistory/nodes/0");
        assertThat(accepted.get("eventType").asText()).isEqualTo("AnswerAccepted");
        assertThat(accepted.get("reason").asText()).isEqualTo("ANSWER_ACCEPTED");
        assertThat(accepted.get("amount").asInt()).isEqualTo(15);
        assertThat(accepted.get("total").asInt()).isEqualTo(26);
        assertThat(accepted.at("/question/title").asText()).isEqualTo("How do I replay one processor?");
        assertThat(accepted.get("eventId").asText()).isNotBlank();

        // badges, each with the event that earned it: bob's answer reached a score of 1, he voted up, alice accepted
        JsonNode badges = api.data(null, "query($m: ID!) { member(id: $m) { badges { badge rank eventId community { name } } } }",
                Map.of("m", member("bob"))).at("/member/badges");
        assertThat(badges).extracting(b -> b.get("badge").asText()).contains("TEACHER", "SUPPORTER");
        assertThat(badges).allSatisfy(b -> {
            assertThat(b.get("eventId").asText()).isNotBlank();
            assertThat(b.at("/community/name").asText()).isEqualTo("Event sourcing guild");
        });
        assertThat(api.data(null, "query($m: ID!) { member(id: $m) { badges { badge } } }", Map.of("m", member("alice")))
                .at("/member/badges")).extracting(b -> b.get("badge").asText()).contains("SCHOLAR", "STUDENT", "SUPPORTER");

        // leaderboards: all time, the tag, and paging one by one
        assertThat(board(null, "ALL_TIME", null, 10)).containsExactly("1 Bob Brown 25", "2 Alice Adams 12");
        assertThat(board(null, "WEEK", "axon", 10)).containsExactly("1 Bob Brown 25", "2 Alice Adams 12");
        JsonNode page = api.data(null, """
                query($c: ID!) { community(id: $c) { leaderboard(first: 1) { totalCount pageInfo { hasNextPage endCursor }
                  nodes { rank points } } } }""", Map.of("c", c)).at("/community/leaderboard");
        assertThat(page.at("/pageInfo/hasNextPage").asBoolean()).isTrue();
        JsonNode next = api.data(null, """
                query($c: ID!, $after: String) { community(id: $c) { leaderboard(first: 1, after: $after) { nodes { rank points
                  member { displayName } } pageInfo { hasNextPage } } } }""",
                vars("c", c, "after", page.at("/pageInfo/endCursor").asText())).at("/community/leaderboard");
        assertThat(next.at("/nodes/0/rank").asInt()).isEqualTo(2);
        assertThat(next.at("/nodes/0/member/displayName").asText()).isEqualTo("Alice Adams");
        assertThat(next.at("/pageInfo/hasNextPage").asBoolean()).isFalse();
        assertRefused(null, "query($c: ID!) { community(id: $c) { leaderboard(first: 0) { totalCount } } }",
                Map.of("c", c), "BAD_REQUEST", "INVALID_PAGE_SIZE");

        // a withdrawn acceptance is a reversal naming its event
        api.data(alice, "mutation($q: ID!) { withdrawAcceptance(input: {questionId: $q}) { question { id } } }", Map.of("q", q));
        JsonNode reversal = api.data(null, history, vars("m", member("bob"), "c", c)).at("/member/reputationHistory/nodes/0");
        assertThat(reversal.get("eventType").asText()).isEqualTo("AnswerAcceptanceWithdrawn");
        assertThat(reversal.get("reversal").asBoolean()).isTrue();
        assertThat(reversal.get("amount").asInt()).isEqualTo(-15);
        assertThat(reversal.get("total").asInt()).isEqualTo(11);

        // rules: owners only, values in range, then both sides recompute under version 2
        String change = """
                mutation($c: ID!, $v: Int!) { changeReputationRules(input: {communityId: $c, values: [{rule: ANSWER_UPVOTE, value: $v}]}) {
                  community { name } rules { version preset values { rule value } changedBy { displayName } } } }""";
        long beforeRules = StoreInspector.eventCount(system);
        assertRefused(bob, change, vars("c", c, "v", 2), "FORBIDDEN", "OWNER_ONLY");
        assertRefused(alice, change, vars("c", c, "v", -5), "BAD_REQUEST", "INVALID_RULE_VALUE");
        assertThat(StoreInspector.eventCount(system)).isEqualTo(beforeRules);
        JsonNode changed = api.data(alice, change, vars("c", c, "v", 2)).at("/changeReputationRules/rules");
        assertThat(changed.get("version").asInt()).isEqualTo(2);
        assertThat(changed.at("/changedBy/displayName").asText()).isEqualTo("Alice Adams");
        assertThat(changed.get("values")).anySatisfy(v -> {
            assertThat(v.get("rule").asText()).isEqualTo("ANSWER_UPVOTE");
            assertThat(v.get("value").asInt()).isEqualTo(2);
        });
        // bob: 1 + 2 under version 2, below UPVOTE: the read side shows it and the command side refuses his vote
        assertThat(figure(bob, "bob", c)).isEqualTo(3);
        JsonNode recomputed = api.data(null, history, vars("m", member("bob"), "c", c)).at("/member/reputationHistory/nodes/0");
        assertThat(recomputed.get("reason").asText()).isEqualTo("RULES_CHANGED");
        assertThat(recomputed.get("amount").asInt()).isEqualTo(-8);
        assertThat(recomputed.get("rulesVersion").asInt()).isEqualTo(2);
        assertThat(held(api.data(bob, "query($c: ID!) { community(id: $c) { viewerPrivileges { privileges { privilege held } } } }",
                Map.of("c", c)).at("/community/viewerPrivileges"))).containsEntry("UPVOTE", false);
        assertRefused(bob, "mutation($p: ID!) { vote(input: {postId: $p, direction: UP}) { answer { score } } }",
                Map.of("p", chensAnswer), "FORBIDDEN", "MISSING_PRIVILEGE");
        assertThat(api.data(null, "query($c: ID!) { community(id: $c) { reputationRules { version since } } }", Map.of("c", c))
                .at("/community/reputationRules")).extracting(v -> v.get("version").asInt()).containsExactly(2, 1);

        // a private community's figures reach its members only
        String secret = api.data(alice, """
                mutation { createCommunity(input: {name: "Inner circle", visibility: PRIVATE}) { community { id } } }""", Map.of())
                .at("/createCommunity/community/id").asText();
        api.data(alice, "mutation($c: ID!, $m: ID!) { inviteMember(input: {communityId: $c, memberId: $m}) { community { id } } }",
                Map.of("c", secret, "m", member("bob")));
        api.data(bob, "mutation($id: ID!) { joinCommunity(input: {communityId: $id}) { community { id } } }", Map.of("id", secret));
        String secretQuestion = api.data(bob, """
                mutation($c: ID!) { askQuestion(input: {communityId: $c, title: "A question for the circle only",
                  body: "Details."}) { question { id } } }""", Map.of("c", secret)).at("/askQuestion/question/id").asText();
        vote(alice, secretQuestion, "UP");
        String summary = "query($m: ID!) { member(id: $m) { reputationSummary { total communities { reputation } } } }";
        assertThat(api.data(bob, summary, Map.of("m", member("bob"))).at("/member/reputationSummary/total").asInt())
                .isEqualTo(1 + 2 + 10);
        assertThat(api.data(chen, summary, Map.of("m", member("bob"))).at("/member/reputationSummary/total").asInt())
                .isEqualTo(3);
        // to an outsider the private community is not there: no community, or NOT_FOUND for its board
        JsonNode outsider = api.call(chen, "query($c: ID!) { community(id: $c) { leaderboard { totalCount } } }", Map.of("c", secret));
        if (outsider.get("errors") != null) {
            assertThat(outsider.at("/errors/0/extensions/classification").asText()).isEqualTo("NOT_FOUND");
        } else {
            assertThat(outsider.at("/data/community").isNull()).as(outsider.toString()).isTrue();
        }
    }

    private List<String> board(String token, String period, String tag, int first) {
        JsonNode nodes = api.data(token, """
                query($c: ID!, $p: LeaderboardPeriod, $t: String, $f: Int) { community(id: $c) {
                  leaderboard(period: $p, tag: $t, first: $f) { nodes { rank points member { displayName } } } } }""",
                vars("c", community, "p", period, "t", tag, "f", first)).at("/community/leaderboard/nodes");
        List<String> entries = new ArrayList<>();
        nodes.forEach(n -> entries.add(n.get("rank").asInt() + " " + n.at("/member/displayName").asText() + " "
                + n.get("points").asInt()));
        return entries;
    }

    private String community;

    private int figure(String token, String memberId, String communityId) {
        return api.data(token, "query($m: ID!, $c: ID) { member(id: $m) { reputation(communityId: $c) } }",
                vars("m", member(memberId), "c", communityId)).at("/member/reputation").asInt();
    }

    private static Map<String, Boolean> held(JsonNode privileges) {
        Map<String, Boolean> held = new HashMap<>();
        privileges.get("privileges").forEach(p -> held.put(p.get("privilege").asText(), p.get("held").asBoolean()));
        return held;
    }

    private void vote(String token, String postId, String direction) {
        JsonNode response = api.call(token, "mutation($p: ID!, $d: VoteDirection!) { vote(input: {postId: $p, direction: $d}) { clientMutationId } }",
                Map.of("p", postId, "d", direction));
        assertThat(response.get("errors")).as(response.toString()).isNull();
    }

    private String answer(String token, String questionId, String body) {
        return api.data(token, "mutation($id: ID!, $body: String!) { postAnswer(input: {questionId: $id, body: $body}) { answer { id } } }",
                Map.of("id", questionId, "body", body)).at("/postAnswer/answer/id").asText();
    }

    private void assertRefused(String token, String document, Map<String, ?> variables, String classification, String code) {
        JsonNode response = api.call(token, document, variables);
        assertThat(response.get("errors")).as(response.toString()).isNotNull().hasSize(1);
        JsonNode error = response.get("errors").get(0);
        assertThat(error.at("/extensions/classification").asText()).as(error.toString()).isEqualTo(classification);
        if (code != null) {
            assertThat(error.at("/extensions/code").asText()).as(error.toString()).isEqualTo(code);
        }
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
