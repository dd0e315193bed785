package dev.praxis.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.praxis.local.LocalConfig;
import dev.praxis.local.LocalSystem;
import dev.praxis.local.Service;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
 * The first slice end to end: the three services as separate processes on embedded PostgreSQL and
 * the embedded MongoDB server (kept on disk), driven through real HTTP GraphQL as a client app
 * would. The tests build on each other's data, in order.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SliceIT {

    @TempDir
    static Path dataDir;

    private LocalSystem system;
    private GraphQlCaller api;
    private String alice;
    private String bob;
    private String chen;
    private String communityId;
    private String questionId;
    private String bobsAnswerId;
    private String chensAnswerId;

    @BeforeAll
    void start() {
        system = LocalSystem.start(LocalConfig.forTests(dataDir).mongoOnDisk(true).build());
        signIn();
    }

    @AfterAll
    void stop() {
        if (system != null) {
            system.close();
        }
    }

    private void signIn() {
        api = new GraphQlCaller(system.gatewayUrl());
        alice = api.signIn("alice", "Alice Adams");
        bob = api.signIn("bob", "Bob Brown");
        chen = api.signIn("chen", "Chen Cho");
    }

    @Test
    @Order(1)
    void everyOperationOfTheSliceWorksThroughGraphQL() {
        JsonNode created = api.data(alice, """
                mutation($input: CreateCommunityInput!) {
                  createCommunity(input: $input) { community { id name memberCount createdBy { displayName } } clientMutationId }
                }""", Map.of("input", Map.of("name", "Java Practitioners", "description", "People who ship on the JVM",
                "privilegePreset", "TEAM", "clientMutationId", "m1")));
        JsonNode community = created.at("/createCommunity/community");
        communityId = community.get("id").asText();
        assertThat(community.get("memberCount").asInt()).isEqualTo(1);
        assertThat(community.at("/createdBy/displayName").asText()).isEqualTo("Alice Adams");
        assertThat(created.at("/createCommunity/clientMutationId").asText()).isEqualTo("m1");

        for (String member : List.of(bob, chen)) {
            api.data(member, "mutation($id: ID!) { joinCommunity(input: {communityId: $id}) { community { id } } }",
                    Map.of("id", communityId));
        }

        JsonNode asked = api.data(alice, """
                mutation($input: AskQuestionInput!) {
                  askQuestion(input: $input) { question { id title body tags score answerCount author { displayName } community { name memberCount } } }
                }""", Map.of("input", Map.of("communityId", communityId, "title", "How do I rebuild one Axon projection?",
                "body", "My *tracking* processor is wrong.\n\n```java\nprocessor.resetTokens();\n```", "tags", List.of("Axon", "event-sourcing"))));
        JsonNode question = asked.at("/askQuestion/question");
        questionId = question.get("id").asText();
        assertThat(question.get("tags")).extracting(JsonNode::asText).containsExactly("axon", "event-sourcing");
        assertThat(question.at("/author/displayName").asText()).isEqualTo("Alice Adams");
        assertThat(question.at("/community/memberCount").asInt()).isEqualTo(3);

        bobsAnswerId = answer(bob, "Shut the processor down, reset its tokens, start it again.");
        chensAnswerId = answer(chen, "Delete the read database and restart.");

        // a mutation's payload already shows its own effect (read-your-writes)
        JsonNode upvoted = api.data(bob, "mutation($id: ID!) { vote(input: {postId: $id, direction: UP}) { question { score } } }",
                Map.of("id", questionId));
        assertThat(upvoted.at("/vote/question/score").asInt()).isEqualTo(1);
        JsonNode downvoted = api.data(alice, "mutation($id: ID!) { vote(input: {postId: $id, direction: DOWN}) { answer { score } } }",
                Map.of("id", chensAnswerId));
        assertThat(downvoted.at("/vote/answer/score").asInt()).isEqualTo(-1);
        api.data(chen, "mutation($id: ID!) { vote(input: {postId: $id, direction: UP}) { answer { score } } }",
                Map.of("id", bobsAnswerId));

        JsonNode accepted = api.data(alice, """
                mutation($id: ID!) { acceptAnswer(input: {answerId: $id}) { answer { accepted } question { acceptedAnswer { id } } } }""",
                Map.of("id", bobsAnswerId));
        assertThat(accepted.at("/acceptAnswer/answer/accepted").asBoolean()).isTrue();
        assertThat(accepted.at("/acceptAnswer/question/acceptedAnswer/id").asText()).isEqualTo(bobsAnswerId);

        // endorsing takes a moderator (the owner here) or an expert in one of the question's tags
        JsonNode endorsed = api.data(alice, """
                mutation($id: ID!) { endorseAnswer(input: {answerId: $id, note: "Verified on our cluster"}) {
                  answer { endorsements { note endorser { displayName } } } } }""", Map.of("id", bobsAnswerId));
        assertThat(endorsed.at("/endorseAnswer/answer/endorsements/0/note").asText()).isEqualTo("Verified on our cluster");
        assertThat(endorsed.at("/endorseAnswer/answer/endorsements/0/endorser/displayName").asText()).isEqualTo("Alice Adams");

        assertReadBack();
    }

    @Test
    @Order(2)
    void theCommunityListIsACursorPaginatedConnectionNewestFirst() {
        List<String> titles = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            String title = "Paging question number " + i;
            titles.add(0, title);
            api.data(bob, "mutation($input: AskQuestionInput!) { askQuestion(input: $input) { question { id } } }",
                    Map.of("input", Map.of("communityId", communityId, "title", title, "body", "Body " + i)));
        }
        titles.add(questionTitle());
        String page = """
                query($id: ID!, $after: String) { community(id: $id) { questions(first: 2, after: $after) {
                  totalCount nodes { title } pageInfo { hasNextPage endCursor } } } }""";
        List<String> seen = new ArrayList<>();
        String after = null;
        boolean more = true;
        while (more) {
            java.util.HashMap<String, Object> variables = new java.util.HashMap<>();
            variables.put("id", communityId);
            variables.put("after", after);
            JsonNode questions = api.data(null, page, variables).at("/community/questions");
            assertThat(questions.get("totalCount").asInt()).isEqualTo(5);
            questions.get("nodes").forEach(n -> seen.add(n.get("title").asText()));
            more = questions.at("/pageInfo/hasNextPage").asBoolean();
            after = questions.at("/pageInfo/endCursor").asText();
        }
        assertThat(seen).containsExactlyElementsOf(titles);
    }

    @Test
    @Order(3)
    void badInputGetsATypedErrorAndWritesNoEvent() {
        // a community with Stack Overflow's thresholds, where a newcomer may not vote yet
        String dana = api.signIn("dana", "Dana Diaz");
        String publicCommunity = api.data(alice, "mutation { createCommunity(input: {name: \"Public Square\"}) { community { id } } }",
                Map.of()).at("/createCommunity/community/id").asText();
        api.data(dana, "mutation($id: ID!) { joinCommunity(input: {communityId: $id}) { community { id } } }", Map.of("id", publicCommunity));
        String publicQuestion = api.data(alice, "mutation($input: AskQuestionInput!) { askQuestion(input: $input) { question { id } } }",
                Map.of("input", Map.of("communityId", publicCommunity, "title", "Who may vote here already?", "body", "Body")))
                .at("/askQuestion/question/id").asText();
        long before = StoreInspector.eventCount(system);

        assertRefused(dana, "mutation($id: ID!) { vote(input: {postId: $id, direction: UP}) { question { score } } }",
                Map.of("id", publicQuestion), "FORBIDDEN", "MISSING_PRIVILEGE");

        assertRefused(alice, "mutation($id: ID!) { askQuestion(input: {communityId: $id, title: \"A valid looking title\", body: \"b\"}) { question { id } } }",
                Map.of("id", globalId("Community", "no-such-community")), "NOT_FOUND", "UNKNOWN_COMMUNITY");
        assertRefused(alice, "mutation($id: ID!) { postAnswer(input: {questionId: $id, body: \"b\"}) { answer { id } } }",
                Map.of("id", globalId("Question", "no-such-question")), "NOT_FOUND", "UNKNOWN_QUESTION");
        assertRefused(alice, "mutation($id: ID!) { askQuestion(input: {communityId: $id, title: \"\", body: \"b\"}) { question { id } } }",
                Map.of("id", communityId), "BAD_REQUEST", "TITLE_EMPTY");
        assertRefused(alice, "mutation($id: ID!, $t: String!) { askQuestion(input: {communityId: $id, title: $t, body: \"b\"}) { question { id } } }",
                Map.of("id", communityId, "t", "t".repeat(151)), "BAD_REQUEST", "TITLE_TOO_LONG");
        assertRefused(alice, "mutation($id: ID!) { askQuestion(input: {communityId: $id, title: \"A valid looking title\", body: \"  \"}) { question { id } } }",
                Map.of("id", communityId), "BAD_REQUEST", "BODY_EMPTY");
        assertRefused(alice, "mutation($id: ID!, $b: String!) { askQuestion(input: {communityId: $id, title: \"A valid looking title\", body: $b}) { question { id } } }",
                Map.of("id", communityId, "b", "b".repeat(30_001)), "BAD_REQUEST", "BODY_TOO_LONG");
        assertRefused(bob, "mutation($id: ID!) { vote(input: {postId: $id, direction: UP}) { question { score } } }",
                Map.of("id", questionId), "CONFLICT", "ALREADY_VOTED");
        assertRefused(bob, "mutation($id: ID!) { vote(input: {postId: $id, direction: UP}) { answer { score } } }",
                Map.of("id", bobsAnswerId), "FORBIDDEN", "OWN_POST");
        assertRefused(bob, "mutation($id: ID!) { acceptAnswer(input: {answerId: $id}) { answer { id } } }",
                Map.of("id", chensAnswerId), "FORBIDDEN", "NOT_THE_ASKER");
        assertRefused(dana, "mutation($id: ID!) { postAnswer(input: {questionId: $id, body: \"I am not a member\"}) { answer { id } } }",
                Map.of("id", questionId), "FORBIDDEN", "NOT_A_MEMBER");
        assertRefused(null, "mutation($id: ID!) { joinCommunity(input: {communityId: $id}) { community { id } } }",
                Map.of("id", communityId), "UNAUTHORIZED", null);

        assertThat(StoreInspector.eventCount(system)).isEqualTo(before);
    }

    @Test
    @Order(4)
    void stoppingAndRestartingTheSystemKeepsAllEventsAndReadModels() {
        long events = StoreInspector.eventCount(system);
        Map<String, List<Document>> models = StoreInspector.readModels(system);

        system.close();
        system = LocalSystem.start(LocalConfig.forTests(dataDir).mongoOnDisk(true).build());
        signIn();

        assertThat(StoreInspector.eventCount(system)).isEqualTo(events);
        assertThat(StoreInspector.readModels(system)).isEqualTo(models);
        assertReadBack();
    }

    @Test
    @Order(5)
    void droppingTheReadDatabaseAndRestartingTheQueryServiceRebuildsTheSameReadModels() {
        Map<String, List<Document>> models = StoreInspector.readModels(system);
        assertThat(models.get("questions")).hasSize(6);

        system.stop(Service.QUERY);
        StoreInspector.dropReadDatabase(system);
        assertThat(StoreInspector.readModels(system)).isEmpty();
        system.start(Service.QUERY);

        awaitReadModels(models);
        assertThat(StoreInspector.readModels(system)).isEqualTo(models);
        assertReadBack();
    }

    @Test
    @Order(6)
    void theSameMutationSentTwiceWithOneIdempotencyKeyWritesOneSetOfEvents() {
        String ask = """
                mutation($input: AskQuestionInput!) { askQuestion(input: $input) { question { id title } clientMutationId } }""";
        Map<String, Object> input = Map.of("communityId", communityId, "title", "Is this question asked only once?",
                "body", "The network dropped the first answer.", "idempotencyKey", "ask-2026-11-25-1");
        long before = StoreInspector.eventCount(system);

        JsonNode first = api.data(alice, ask, Map.of("input", input)).at("/askQuestion/question");
        long afterFirst = StoreInspector.eventCount(system);
        JsonNode retry = api.data(alice, ask, Map.of("input", input)).at("/askQuestion/question");

        assertThat(afterFirst).isEqualTo(before + 1);
        assertThat(StoreInspector.eventCount(system)).isEqualTo(afterFirst);
        assertThat(retry).isEqualTo(first);
        // another member's key is theirs alone
        JsonNode bobs = api.data(bob, ask, Map.of("input", input)).at("/askQuestion/question");
        assertThat(bobs.get("id").asText()).isNotEqualTo(first.get("id").asText());
        assertThat(StoreInspector.eventCount(system)).isEqualTo(afterFirst + 1);
    }

    private void awaitReadModels(Map<String, List<Document>> expected) {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (!StoreInspector.readModels(system).equals(expected) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** The state the slice left, read back as a client would. */
    private void assertReadBack() {
        JsonNode question = api.data(null, """
                query($id: ID!) { question(id: $id) { title score answerCount acceptedAnswer { id author { displayName } }
                  answers { id score accepted author { displayName } endorsements { endorser { displayName } } } } }""",
                Map.of("id", questionId)).get("question");
        assertThat(question.get("score").asInt()).isEqualTo(1);
        assertThat(question.get("answerCount").asInt()).isEqualTo(2);
        assertThat(question.at("/acceptedAnswer/id").asText()).isEqualTo(bobsAnswerId);
        assertThat(question.at("/acceptedAnswer/author/displayName").asText()).isEqualTo("Bob Brown");
        assertThat(question.get("answers")).extracting(a -> a.get("id").asText() + ":" + a.get("score").asInt() + ":" + a.get("accepted").asBoolean())
                .containsExactlyInAnyOrder(bobsAnswerId + ":1:true", chensAnswerId + ":-1:false");

        JsonNode list = api.data(null, """
                query($id: ID!) { community(id: $id) { questions(first: 10) { nodes { id title score answerCount author { displayName } tags } } } }""",
                Map.of("id", communityId)).at("/community/questions/nodes");
        assertThat(list.get(list.size() - 1).get("id").asText()).isEqualTo(questionId);

        // +10 for an upvote on a question or an answer, +15 for an accepted answer and +2 to the asker who accepts it,
        // -2 per downvote received and -1 for downvoting an answer; reputation starts at 1 and never falls below it
        assertThat(reputation("alice")).isEqualTo(1 + 10 - 1 + 2);
        assertThat(reputation("bob")).isEqualTo(1 + 10 + 15);
        assertThat(reputation("chen")).isEqualTo(1);
        JsonNode viewer = api.data(bob, "{ viewer { displayName memberships { role reputation community { name } } } }", Map.of()).get("viewer");
        assertThat(viewer.get("displayName").asText()).isEqualTo("Bob Brown");
        assertThat(viewer.at("/memberships/0/community/name").asText()).isEqualTo("Java Practitioners");
        assertThat(viewer.at("/memberships/0/reputation").asInt()).isEqualTo(26);
    }

    private int reputation(String memberId) {
        return api.data(null, "query($id: ID!) { member(id: $id) { reputation } }", Map.of("id", globalId("Member", memberId)))
                .at("/member/reputation").asInt();
    }

    private String questionTitle() {
        return "How do I rebuild one Axon projection?";
    }

    private String answer(String token, String body) {
        return api.data(token, "mutation($id: ID!, $body: String!) { postAnswer(input: {questionId: $id, body: $body}) { answer { id } question { answerCount } } }",
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
        assertThat(error.get("message").asText()).isNotBlank().doesNotContain("Exception").doesNotContain("\tat ");
    }

    private static String globalId(String type, String rawId) {
        return java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString((type + ":" + rawId).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
