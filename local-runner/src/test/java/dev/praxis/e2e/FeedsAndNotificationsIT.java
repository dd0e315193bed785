package dev.praxis.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.praxis.local.LocalConfig;
import dev.praxis.local.LocalSystem;
import dev.praxis.local.Service;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Feeds and notifications end to end through GraphQL: a community feed in its orders and by tag,
 * paged; a member's activity, without a private community's acts for a non-member; the viewer's
 * home feed from what they follow; notifications of answers, comments, mentions and acceptance,
 * retracted with the acceptance; read, read all, the unread count; refusals that write nothing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FeedsAndNotificationsIT {

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
        // generous bounds: the machines that run the whole build are often busy
        system = LocalSystem.start(LocalConfig.forTests(dataDir)
                .startupTimeout(Duration.ofMinutes(5))
                .serviceArgs(Service.QUERY, "--praxis.query.consistency-timeout=30s")
                .build());
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
    void feedsAndNotificationsWorkThroughGraphQL() {
        String communityId = api.data(alice, """
                mutation { createCommunity(input: {name: "Event sourcerers", privilegePreset: TEAM}) { community { id } } }""",
                Map.of()).at("/createCommunity/community/id").asText();
        for (String member : List.of(bob, chen, dora)) {
            api.data(member, "mutation($id: ID!) { joinCommunity(input: {communityId: $id}) { community { id } } }",
                    Map.of("id", communityId));
        }
        String aliceId = viewerId(alice);
        String bobId = viewerId(bob);

        String q0 = ask(alice, communityId, "Where do tracking tokens live?", "axon");
        api.data(dora, "mutation($m: ID!) { followMember(input: {memberId: $m}) { followed { id } } }", Map.of("m", aliceId));
        api.data(dora, "mutation($c: ID!) { followTag(input: {communityId: $c, tag: \"axon\"}) { tag { name } } }",
                Map.of("c", communityId));
        String q1 = ask(alice, communityId, "How do I replay one projection?", "axon");
        String r1 = api.data(chen, """
                mutation($c: ID!) { publishArticle(input: {communityId: $c, title: "Rebuilding read models", body: "Steps.",
                  tags: ["axon"]}) { article { id } } }""", Map.of("c", communityId)).at("/publishArticle/article/id").asText();
        String q2 = ask(bob, communityId, "Which JDK should the build use?", "java");
        api.data(dora, "mutation($q: ID!) { followQuestion(input: {questionId: $q}) { member { id } } }", Map.of("q", q2));
        String a2 = answer(chen, q2, "Use 17, @dora.");
        String a1 = answer(bob, q1, "Reset the tokens and replay.");

        // the community feed in its orders, by tag, paged
        String feed = """
                query($c: ID!, $order: FeedOrder, $tag: String, $first: Int, $after: String) { community(id: $c) {
                  feed(order: $order, tag: $tag, first: $first, after: $after) {
                    edges { cursor node { id kind title tags position hotScore actor { displayName } question { id title }
                      article { id } } }
                    pageInfo { hasNextPage endCursor } } } }""";
        JsonNode newest = feed(alice, feed, communityId, "NEWEST", null, 10, null);
        assertThat(titles(newest)).containsExactly("Which JDK should the build use?", "Rebuilding read models",
                "How do I replay one projection?", "Where do tracking tokens live?");
        assertThat(newest.at("/edges/0/node/kind").asText()).isEqualTo("QUESTION");
        assertThat(newest.at("/edges/0/node/question/id").asText()).isEqualTo(q2);
        assertThat(newest.at("/edges/0/node/actor/displayName").asText()).isEqualTo("Bob Brown");
        assertThat(newest.at("/edges/1/node/article/id").asText()).isEqualTo(r1);
        assertThat(Long.parseLong(newest.at("/edges/0/node/position").asText())).isPositive();
        assertThat(titles(feed(alice, feed, communityId, "NEWEST", "axon", 10, null))).containsExactly(
                "Rebuilding read models", "How do I replay one projection?", "Where do tracking tokens live?");
        assertThat(titles(feed(alice, feed, communityId, "UNANSWERED", null, 10, null)))
                .containsExactly("Where do tracking tokens live?");
        assertThat(titles(feed(alice, feed, communityId, "ACTIVE", null, 10, null))).startsWith(
                "How do I replay one projection?", "Which JDK should the build use?");
        JsonNode hot = feed(alice, feed, communityId, "HOT", null, 10, null);
        assertThat(hot.at("/edges/0/node/hotScore").isNumber()).isTrue();

        JsonNode first = feed(alice, feed, communityId, "NEWEST", null, 2, null);
        assertThat(first.at("/pageInfo/hasNextPage").asBoolean()).isTrue();
        ask(chen, communityId, "A question that arrives while paging", "java");
        JsonNode second = feed(alice, feed, communityId, "NEWEST", null, 2, first.at("/pageInfo/endCursor").asText());
        assertThat(titles(second)).containsExactly("How do I replay one projection?", "Where do tracking tokens live?");
        assertThat(second.at("/pageInfo/hasNextPage").asBoolean()).isFalse();

        // activity and the home feed
        String activity = """
                query($m: ID!) { member(id: $m) { activity(first: 10) { nodes { kind question { id } answer { id }
                  article { id } community { name } } } } }""";
        JsonNode chens = api.data(alice, activity, Map.of("m", viewerId(chen))).at("/member/activity/nodes");
        assertThat(kinds(chens)).containsExactly("ASKED", "ANSWERED", "PUBLISHED");
        assertThat(chens.at("/1/answer/id").asText()).isEqualTo(a2);
        assertThat(chens.at("/2/article/id").asText()).isEqualTo(r1);

        String home = """
                { viewer { homeFeed(first: 10) { edges { cursor node { kind reason actor { displayName } question { id }
                  answer { id } article { id } } } } } }""";
        JsonNode doras = api.data(dora, home, Map.of()).at("/viewer/homeFeed/edges");
        List<String> reasons = new ArrayList<>();
        doras.forEach(edge -> reasons.add(edge.at("/node/kind").asText() + " " + edge.at("/node/reason").asText()));
        // not q0 (before the follows), not bob's q2 (bob is not followed), not chen's late question
        assertThat(reasons).containsExactly("ANSWERED FOLLOWED_QUESTION", "PUBLISHED FOLLOWED_TAG", "ASKED FOLLOWED_MEMBER");
        assertThat(doras.at("/0/node/answer/id").asText()).isEqualTo(a2);
        assertThat(doras.at("/2/node/question/id").asText()).isEqualTo(q1);
        assertRefused(dora, "query($m: ID!) { member(id: $m) { homeFeed { nodes { kind } } } }", Map.of("m", aliceId),
                "FORBIDDEN", "NOT_YOUR_FEED");

        // a private community's acts are for its members only
        String guild = api.data(bob, """
                mutation { createCommunity(input: {name: "Bob's guild", privilegePreset: TEAM}) { community { id } } }""",
                Map.of()).at("/createCommunity/community/id").asText();
        api.data(bob, "mutation($c: ID!) { changeCommunitySettings(input: {communityId: $c, visibility: PRIVATE}) { community { id } } }",
                Map.of("c", guild));
        ask(bob, guild, "A question among guild members only", "guild");
        assertThat(kinds(api.data(bob, activity, Map.of("m", bobId)).at("/member/activity/nodes")))
                .containsExactly("ASKED", "ANSWERED", "ASKED");
        assertThat(kinds(api.data(chen, activity, Map.of("m", bobId)).at("/member/activity/nodes")))
                .containsExactly("ANSWERED", "ASKED");

        // notifications: answers, comments, mentions, acceptance and its withdrawal
        String commentId = api.data(chen, """
                mutation($p: ID!) { addComment(input: {postId: $p, body: "Which version, @alice?"}) { comment { id } } }""",
                Map.of("p", a1)).at("/addComment/comment/id").asText();
        api.data(alice, "mutation($a: ID!) { acceptAnswer(input: {answerId: $a}) { answer { id } } }", Map.of("a", a1));
        api.data(alice, "mutation($a: ID!) { addComment(input: {postId: $a, body: \"Thanks!\"}) { comment { id } } }",
                Map.of("a", a1));
        String inbox = """
                { viewer { notifications(first: 10) { unreadCount edges { cursor node { id type read position detail
                  actor { displayName } question { id } answer { id } comment { id } } } } } }""";
        JsonNode bobs = api.data(bob, inbox, Map.of()).at("/viewer/notifications");
        // alice's comment, the acceptance, chen's comment on bob's answer; chen's answer to bob's question
        assertThat(types(bobs)).containsExactly("COMMENT", "ANSWER_ACCEPTED", "COMMENT", "ANSWER");
        assertThat(bobs.get("unreadCount").asInt()).isEqualTo(4);
        api.data(alice, "mutation($q: ID!) { withdrawAcceptance(input: {questionId: $q}) { question { id } } }",
                Map.of("q", q1));
        bobs = api.data(bob, inbox, Map.of()).at("/viewer/notifications");
        assertThat(types(bobs)).containsExactly("COMMENT", "COMMENT", "ANSWER");
        assertThat(bobs.get("unreadCount").asInt()).isEqualTo(3);
        assertThat(bobs.at("/edges/1/node/comment/id").asText()).isEqualTo(commentId);
        assertThat(bobs.at("/edges/1/node/actor/displayName").asText()).isEqualTo("Chen Cho");

        JsonNode alices = api.data(alice, inbox, Map.of()).at("/viewer/notifications");
        // bob's answer, chen's mention, and the badge her first acceptance earned (Scholar); her own
        // acceptance and comment tell her nothing
        assertThat(types(alices)).containsExactly("BADGE_AWARDED", "MENTION", "ANSWER");
        assertThat(alices.at("/edges/0/node/detail").asText()).isEqualTo("SCHOLAR");
        assertThat(alices.at("/edges/2/node/answer/id").asText()).isEqualTo(a1);
        assertThat(api.data(dora, inbox, Map.of()).at("/viewer/notifications/edges/0/node/type").asText())
                .isEqualTo("MENTION");
        assertRefused(dora, "query($m: ID!) { member(id: $m) { notifications { unreadCount } } }", Map.of("m", aliceId),
                "FORBIDDEN", "NOT_YOUR_NOTIFICATIONS");

        long before = StoreInspector.eventCount(system);
        assertRefused(alice, "mutation { markNotificationsRead(input: {notificationIds: []}) { unreadCount } }", Map.of(),
                "BAD_REQUEST", "INVALID_NOTIFICATION_IDS");
        assertRefused(alice, "mutation { markAllNotificationsRead(input: {upTo: \"soon\"}) { unreadCount } }", Map.of(),
                "BAD_REQUEST", "INVALID_POSITION");
        assertThat(StoreInspector.eventCount(system)).isEqualTo(before);

        String answerNotification = alices.at("/edges/2/node/id").asText();
        JsonNode marked = api.data(alice, """
                mutation($ids: [ID!]!) { markNotificationsRead(input: {notificationIds: $ids}) {
                  unreadCount notifications { id read } viewer { displayName } } }""",
                Map.of("ids", List.of(answerNotification))).at("/markNotificationsRead");
        assertThat(marked.get("unreadCount").asInt()).isEqualTo(2);
        assertThat(marked.at("/notifications/0/read").asBoolean()).isTrue();
        assertThat(marked.at("/viewer/displayName").asText()).isEqualTo("Alice Adams");
        // bob cannot mark alice's notification: it stays as it is
        api.data(bob, "mutation($ids: [ID!]!) { markNotificationsRead(input: {notificationIds: $ids}) { unreadCount } }",
                Map.of("ids", List.of(alices.at("/edges/0/node/id").asText())));
        assertThat(api.data(alice, inbox, Map.of()).at("/viewer/notifications/unreadCount").asInt()).isEqualTo(2);

        String readAll = """
                mutation { markAllNotificationsRead(input: {idempotencyKey: "read-all-1"}) { unreadCount } }""";
        assertThat(api.data(alice, readAll, Map.of()).at("/markAllNotificationsRead/unreadCount").asInt()).isZero();
        long afterReadAll = StoreInspector.eventCount(system);
        assertThat(api.data(alice, readAll, Map.of()).at("/markAllNotificationsRead/unreadCount").asInt()).isZero();
        assertThat(StoreInspector.eventCount(system)).isEqualTo(afterReadAll);
        JsonNode read = api.data(alice, inbox, Map.of()).at("/viewer/notifications");
        assertThat(read.findValues("read")).allMatch(JsonNode::asBoolean);

        // a new answer after reading all is unread
        answer(chen, q1, "Or drop the read database.");
        assertThat(api.data(alice, inbox, Map.of()).at("/viewer/notifications/unreadCount").asInt()).isEqualTo(1);
    }

    private JsonNode feed(String token, String document, String communityId, String order, String tag, int first,
                          String after) {
        Map<String, Object> variables = new java.util.HashMap<>(Map.of("c", communityId, "order", order, "first", first));
        if (tag != null) {
            variables.put("tag", tag);
        }
        if (after != null) {
            variables.put("after", after);
        }
        return api.data(token, document, variables).at("/community/feed");
    }

    private static List<String> titles(JsonNode connection) {
        List<String> titles = new ArrayList<>();
        connection.get("edges").forEach(edge -> titles.add(edge.at("/node/title").asText()));
        return titles;
    }

    private static List<String> kinds(JsonNode nodes) {
        List<String> kinds = new ArrayList<>();
        nodes.forEach(node -> kinds.add(node.get("kind").asText()));
        return kinds;
    }

    private static List<String> types(JsonNode connection) {
        List<String> types = new ArrayList<>();
        connection.get("edges").forEach(edge -> types.add(edge.at("/node/type").asText()));
        return types;
    }

    private String viewerId(String token) {
        return api.data(token, "{ viewer { id } }", Map.of()).at("/viewer/id").asText();
    }

    private String ask(String token, String communityId, String title, String tag) {
        return api.data(token, """
                mutation($c: ID!, $t: String!, $tag: String!) { askQuestion(input: {communityId: $c, title: $t,
                  body: "Details.", tags: [$tag]}) { question { id } } }""",
                Map.of("c", communityId, "t", title, "tag", tag)).at("/askQuestion/question/id").asText();
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
        assertThat(error.at("/extensions/code").asText()).as(error.toString()).isEqualTo(code);
    }
}
