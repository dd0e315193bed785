package dev.praxis.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.praxis.local.LocalConfig;
import dev.praxis.local.LocalSystem;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bounties, flags and the moderation queue end to end through GraphQL: offer, refusals, award,
 * flag, the queue for moderators only, a dismissing review; refusals write no events.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BountiesAndFlagsIT {

    @TempDir
    static Path dataDir;

    private LocalSystem system;
    private GraphQlCaller api;
    private String alice;
    private String bob;
    private String chen;
    private String dora;

    @BeforeAll
    void start() {
        system = LocalSystem.start(LocalConfig.forTests(dataDir).build());
        api = new GraphQlCaller(system.gatewayUrl());
        alice = api.signIn("alice", "Alice Adams");
        bob = api.signIn("bob", "Bob Brown");
        chen = api.signIn("chen", "Chen Cho");
        dora = api.signIn("dora", "Dora Diaz");
    }

    @AfterAll
    void stop() {
        if (system != null) {
            system.close();
        }
    }

    @Test
    void bountiesFlagsAndTheModerationQueueWorkThroughGraphQL() {
        String communityId = api.data(alice, """
                mutation { createCommunity(input: {name: "Bounty hunters", privilegePreset: TEAM}) { community { id } } }""",
                Map.of()).at("/createCommunity/community/id").asText();
        for (String member : List.of(bob, chen, dora)) {
            api.data(member, "mutation($id: ID!) { joinCommunity(input: {communityId: $id}) { community { id } } }",
                    Map.of("id", communityId));
        }
        String q1 = ask(alice, communityId, "Why does my projection lag behind?");
        String q2 = ask(chen, communityId, "How do I size a tracking processor?");
        String a1 = answer(bob, q1, "Lower the fetch delay of the event store.");
        String a2 = answer(chen, q1, "Add segments to the processor.");
        String a3 = answer(bob, q2, "One segment per core to start with.");
        // bob earns 6 upvotes: 1 + 60 reputation
        for (String voter : List.of(alice, chen, dora)) {
            for (String answer : List.of(a1, a3)) {
                api.data(voter, "mutation($id: ID!) { vote(input: {postId: $id, direction: UP}) { answer { score } } }",
                        Map.of("id", answer));
            }
        }
        assertThat(reputation(bob, communityId)).isEqualTo(61);

        long before = StoreInspector.eventCount(system);
        String offer = """
                mutation($q: ID!, $amount: Int!) { offerBounty(input: {questionId: $q, amount: $amount}) {
                  question { id bounty { amount } } bounty { amount expiresAt offeredAt offeredBy { displayName } } } }""";
        assertRefused(bob, offer, Map.of("q", q1, "amount", 100), "FORBIDDEN", "INSUFFICIENT_REPUTATION");
        assertRefused(bob, offer, Map.of("q", q1, "amount", 60), "BAD_REQUEST", "INVALID_BOUNTY_AMOUNT");
        assertThat(StoreInspector.eventCount(system)).isEqualTo(before);

        JsonNode offered = api.data(bob, offer, Map.of("q", q1, "amount", 50)).at("/offerBounty");
        assertThat(offered.at("/bounty/amount").asInt()).isEqualTo(50);
        assertThat(offered.at("/bounty/offeredBy/displayName").asText()).isEqualTo("Bob Brown");
        assertThat(Duration.between(Instant.parse(offered.at("/bounty/offeredAt").asText()),
                Instant.parse(offered.at("/bounty/expiresAt").asText()))).isEqualTo(Duration.ofDays(7));
        assertThat(offered.at("/question/bounty/amount").asInt()).isEqualTo(50);
        assertThat(reputation(bob, communityId)).isEqualTo(11);

        long afterOffer = StoreInspector.eventCount(system);
        assertRefused(alice, offer, Map.of("q", q1, "amount", 50), "CONFLICT", "BOUNTY_ALREADY_OPEN");
        assertRefused(chen, "mutation($a: ID!) { awardBounty(input: {answerId: $a}) { answer { id } } }",
                Map.of("a", a2), "FORBIDDEN", "NOT_THE_OFFERER");
        assertRefused(bob, "mutation($a: ID!) { awardBounty(input: {answerId: $a}) { answer { id } } }",
                Map.of("a", a1), "FORBIDDEN", "OWN_ANSWER");
        assertThat(StoreInspector.eventCount(system)).isEqualTo(afterOffer);

        JsonNode awarded = api.data(bob, """
                mutation($a: ID!) { awardBounty(input: {answerId: $a}) { answer { id author { displayName } } question { bounty { amount } } } }""",
                Map.of("a", a2)).at("/awardBounty");
        assertThat(awarded.at("/answer/id").asText()).isEqualTo(a2);
        assertThat(awarded.at("/question/bounty").isNull()).isTrue();
        assertThat(reputation(chen, communityId)).isEqualTo(1 + 50);

        String flag = """
                mutation($p: ID!, $reason: FlagReason!, $text: String) { flagPost(input: {postId: $p, reason: $reason, text: $text}) {
                  question { id } answer { id } } }""";
        JsonNode flagged = api.data(dora, flag, Map.of("p", a1, "reason", "SPAM")).at("/flagPost");
        assertThat(flagged.at("/answer/id").asText()).isEqualTo(a1);
        assertThat(flagged.at("/question/id").asText()).isEqualTo(q1);
        api.data(chen, flag, Map.of("p", q1, "reason", "OTHER", "text", "Asked twice."));

        long afterFlags = StoreInspector.eventCount(system);
        assertRefused(bob, flag, Map.of("p", a1, "reason", "SPAM"), "FORBIDDEN", "OWN_POST");
        assertRefused(dora, flag, Map.of("p", a1, "reason", "OFFENSIVE"), "CONFLICT", "ALREADY_FLAGGED");
        assertRefused(chen, flag, Map.of("p", a3, "reason", "OTHER"), "BAD_REQUEST", "FLAG_TEXT_REQUIRED");

        String queue = """
                query($c: ID!) { community(id: $c) { moderationQueue(first: 10) { totalCount nodes {
                  postId question { id } answer { id } author { displayName } firstFlaggedAt
                  flags { reason text flaggedAt flaggedBy { displayName } } } } } }""";
        assertRefused(dora, queue, Map.of("c", communityId), "FORBIDDEN", "NOT_A_MODERATOR");
        JsonNode items = api.data(alice, queue, Map.of("c", communityId)).at("/community/moderationQueue");
        assertThat(items.get("totalCount").asInt()).isEqualTo(2);
        assertThat(items.at("/nodes/0/postId").asText()).isEqualTo(a1);
        assertThat(items.at("/nodes/0/answer/id").asText()).isEqualTo(a1);
        assertThat(items.at("/nodes/0/author/displayName").asText()).isEqualTo("Bob Brown");
        assertThat(items.at("/nodes/0/flags/0/reason").asText()).isEqualTo("SPAM");
        assertThat(items.at("/nodes/0/flags/0/flaggedBy/displayName").asText()).isEqualTo("Dora Diaz");
        assertThat(items.at("/nodes/1/postId").asText()).isEqualTo(q1);
        assertThat(items.at("/nodes/1/answer").isNull()).isTrue();
        assertThat(items.at("/nodes/1/flags/0/text").asText()).isEqualTo("Asked twice.");

        String review = """
                mutation($p: ID!, $decision: FlagDecision!) { reviewFlag(input: {postId: $p, decision: $decision}) {
                  answer { id } } }""";
        assertRefused(dora, review, Map.of("p", a1, "decision", "DISMISS"), "FORBIDDEN", "NOT_A_MODERATOR");
        assertRefused(alice, review, Map.of("p", a3, "decision", "DISMISS"), "NOT_FOUND", "UNKNOWN_FLAG");
        assertThat(StoreInspector.eventCount(system)).isEqualTo(afterFlags);

        JsonNode reviewed = api.data(alice, review, Map.of("p", a1, "decision", "DISMISS")).at("/reviewFlag");
        assertThat(reviewed.at("/answer/id").asText()).isEqualTo(a1);
        assertThat(StoreInspector.eventCount(system)).isEqualTo(afterFlags + 1);
        assertRefused(alice, review, Map.of("p", a1, "decision", "DISMISS"), "CONFLICT", "NO_OPEN_FLAGS");

        JsonNode left = api.data(alice, queue, Map.of("c", communityId)).at("/community/moderationQueue");
        assertThat(left.get("totalCount").asInt()).isEqualTo(1);
        assertThat(left.at("/nodes/0/postId").asText()).isEqualTo(q1);
        assertThat(StoreInspector.eventCount(system)).isEqualTo(afterFlags + 1);
    }

    private String ask(String token, String communityId, String title) {
        return api.data(token, "mutation($c: ID!, $t: String!) { askQuestion(input: {communityId: $c, title: $t, body: \"Details.\"}) { question { id } } }",
                Map.of("c", communityId, "t", title)).at("/askQuestion/question/id").asText();
    }

    private String answer(String token, String questionId, String body) {
        return api.data(token, "mutation($id: ID!, $body: String!) { postAnswer(input: {questionId: $id, body: $body}) { answer { id } } }",
                Map.of("id", questionId, "body", body)).at("/postAnswer/answer/id").asText();
    }

    private int reputation(String token, String communityId) {
        return api.data(token, "query($c: ID) { viewer { reputation(communityId: $c) } }", Map.of("c", communityId))
                .at("/viewer/reputation").asInt();
    }

    private void assertRefused(String token, String document, Map<String, ?> variables, String classification, String code) {
        JsonNode response = api.call(token, document, variables);
        assertThat(response.get("errors")).as(response.toString()).isNotNull().hasSize(1);
        JsonNode error = response.get("errors").get(0);
        assertThat(error.at("/extensions/classification").asText()).as(error.toString()).isEqualTo(classification);
        assertThat(error.at("/extensions/code").asText()).as(error.toString()).isEqualTo(code);
    }
}
