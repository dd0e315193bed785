package dev.praxis.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.praxis.local.LocalConfig;
import dev.praxis.local.LocalSystem;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Content end to end through GraphQL: edits and revisions, rollbacks, comments with mentions,
 * vote changes and retraction, withdrawals, expert endorsements, closing, locking, deleting, and
 * knowledge articles; and the refusals, which leave the event store as it was.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ContentIT {

    private static final String TITLE = "How do I rebuild one Axon projection?";

    @TempDir
    static Path dataDir;

    private LocalSystem system;
    private GraphQlCaller api;
    private String alice;
    private String bob;
    private String chen;
    private String dana;
    private String communityId;
    private String questionId;
    private String answerId;

    @BeforeAll
    void start() {
        system = LocalSystem.start(LocalConfig.forTests(dataDir).build());
        api = new GraphQlCaller(system.gatewayUrl());
        alice = api.signIn("alice", "Alice Adams");
        bob = api.signIn("bob", "Bob Brown");
        chen = api.signIn("chen", "Chen Cho");
        dana = api.signIn("dana", "Dana Diaz");
        // a team community: every member holds every privilege; alice owns it, so she moderates
        communityId = community(alice, "Content Guild", "TEAM");
        join(bob, communityId);
        join(chen, communityId);
        questionId = ask(alice, communityId, TITLE, List.of("axon"));
        answerId = api.data(bob, "mutation($id: ID!) { postAnswer(input: {questionId: $id, body: \"Reset the tokens.\"}) { answer { id } } }",
                Map.of("id", questionId)).at("/postAnswer/answer/id").asText();
    }

    @AfterAll
    void stop() {
        if (system != null) {
            system.close();
        }
    }

    @Test
    @Order(1)
    void editsAreRevisionsAndARollbackRestoresOne() {
        JsonNode edited = api.data(alice, """
                mutation($id: ID!) { editQuestion(input: {questionId: $id, title: "How do I rebuild a single Axon projection?",
                  body: "My *tracking* processor is wrong, @bob.", tags: ["axon"], comment: "clearer"}) {
                  question { title revisionCount lastEditor { displayName }
                    revisions { revision title changedFields comment editor { displayName } } } } }""", Map.of("id", questionId))
                .at("/editQuestion/question");
        assertThat(edited.get("title").asText()).isEqualTo("How do I rebuild a single Axon projection?");
        assertThat(edited.get("revisionCount").asInt()).isEqualTo(2);
        assertThat(edited.at("/lastEditor/displayName").asText()).isEqualTo("Alice Adams");
        assertThat(edited.at("/revisions/1/changedFields")).extracting(JsonNode::asText).containsExactly("title", "body");
        assertThat(edited.at("/revisions/1/comment").asText()).isEqualTo("clearer");

        JsonNode answer = api.data(bob, """
                mutation($id: ID!) { editAnswer(input: {answerId: $id, body: "Reset the tokens, then restart.", comment: "detail"}) {
                  answer { body revisionCount revisions { revision body } } } }""", Map.of("id", answerId)).at("/editAnswer/answer");
        assertThat(answer.get("revisionCount").asInt()).isEqualTo(2);
        assertThat(answer.at("/revisions/0/body").asText()).isEqualTo("Reset the tokens.");

        JsonNode rolledBack = api.data(alice, """
                mutation($id: ID!) { rollbackPost(input: {postId: $id, revision: 1}) {
                  question { title revisionCount revisions { revision rolledBackToRevision } } } }""", Map.of("id", questionId))
                .at("/rollbackPost/question");
        assertThat(rolledBack.get("title").asText()).isEqualTo(TITLE);
        assertThat(rolledBack.get("revisionCount").asInt()).isEqualTo(3);
        assertThat(rolledBack.at("/revisions/2/rolledBackToRevision").asInt()).isEqualTo(1);

        refusedUnchanged(alice, """
                mutation($id: ID!) { editQuestion(input: {questionId: $id, title: "How do I rebuild one Axon projection?",
                  body: "My *tracking* processor is wrong.", tags: ["axon"]}) { question { id } } }""",
                Map.of("id", questionId), "BAD_REQUEST", "NOTHING_CHANGED");
    }

    @Test
    @Order(2)
    void aLowReputationNonAuthorCannotEditInAStackOverflowCommunity() {
        String publicCommunity = community(alice, "Public Guild", "STACK_OVERFLOW");
        join(dana, publicCommunity);
        String question = ask(alice, publicCommunity, "Which JDK should a new service target?", List.of("java"));
        refusedUnchanged(dana, """
                mutation($id: ID!) { editQuestion(input: {questionId: $id, title: "Which JDK should new services target?",
                  body: "Body", tags: ["java"]}) { question { id } } }""", Map.of("id", question), "FORBIDDEN", "MISSING_PRIVILEGE");
        // a newcomer comments on their own posts only
        refusedUnchanged(dana, "mutation($id: ID!) { addComment(input: {postId: $id, body: \"Me too\"}) { comment { id } } }",
                Map.of("id", question), "FORBIDDEN", "MISSING_PRIVILEGE");
        // (in a TEAM community every member holds every privilege, moderation tools included; here they are earned)
        refusedUnchanged(dana, "mutation($id: ID!) { deletePost(input: {postId: $id}) { question { id } } }",
                Map.of("id", question), "FORBIDDEN", "NOT_THE_AUTHOR");
        refusedUnchanged(dana, "mutation($id: ID!) { lockQuestion(input: {questionId: $id}) { question { id } } }",
                Map.of("id", question), "FORBIDDEN", "MISSING_PRIVILEGE");
        refusedUnchanged(dana, "mutation($id: ID!) { closeQuestion(input: {questionId: $id, reason: OPINION_BASED}) { question { id } } }",
                Map.of("id", question), "FORBIDDEN", "MISSING_PRIVILEGE");
        String article = api.data(alice, """
                mutation($id: ID!) { publishArticle(input: {communityId: $id, title: "Choosing a JDK for services", body: "Use 21."}) {
                  article { id } } }""", Map.of("id", publicCommunity)).at("/publishArticle/article/id").asText();
        refusedUnchanged(dana, "mutation($id: ID!) { deleteArticle(input: {articleId: $id}) { article { id } } }",
                Map.of("id", article), "FORBIDDEN", "NOT_THE_AUTHOR");
        refusedUnchanged(dana, """
                mutation($id: ID!) { editArticle(input: {articleId: $id, title: "Choosing a JDK for all services", body: "Use 21."}) {
                  article { id } } }""", Map.of("id", article), "FORBIDDEN", "MISSING_PRIVILEGE");
    }

    @Test
    @Order(3)
    void commentsMentionMembersAndCanBeEditedAndDeleted() {
        JsonNode added = api.data(chen, """
                mutation($id: ID!) { addComment(input: {postId: $id, body: "Which version, @alice? cc @nobody"}) {
                  comment { id body author { displayName } mentions { displayName } } question { comments { body } } } }""",
                Map.of("id", questionId)).get("addComment");
        String commentId = added.at("/comment/id").asText();
        assertThat(added.at("/comment/mentions")).extracting(m -> m.get("displayName").asText()).containsExactly("Alice Adams");
        assertThat(added.at("/question/comments")).hasSize(1);

        JsonNode onAnswer = api.data(alice, """
                mutation($id: ID!) { addComment(input: {postId: $id, body: "Thanks, that worked."}) { answer { comments { body } } } }""",
                Map.of("id", answerId)).get("addComment");
        assertThat(onAnswer.at("/answer/comments/0/body").asText()).isEqualTo("Thanks, that worked.");

        JsonNode edited = api.data(chen, """
                mutation($id: ID!) { editComment(input: {commentId: $id, body: "Which Axon version?"}) { comment { body editedAt } } }""",
                Map.of("id", commentId)).at("/editComment/comment");
        assertThat(edited.get("body").asText()).isEqualTo("Which Axon version?");
        assertThat(edited.get("editedAt").isNull()).isFalse();

        refusedUnchanged(bob, "mutation($id: ID!) { editComment(input: {commentId: $id, body: \"Mine now\"}) { comment { id } } }",
                Map.of("id", commentId), "FORBIDDEN", "NOT_THE_AUTHOR");
        refusedUnchanged(chen, "mutation($id: ID!, $b: String!) { addComment(input: {postId: $id, body: $b}) { comment { id } } }",
                Map.of("id", questionId, "b", "x".repeat(601)), "BAD_REQUEST", "COMMENT_TOO_LONG");

        JsonNode deleted = api.data(chen, """
                mutation($id: ID!) { deleteComment(input: {commentId: $id}) { comment { id } question { comments { id } } } }""",
                Map.of("id", commentId)).get("deleteComment");
        assertThat(deleted.get("comment").isNull()).isTrue();
        assertThat(deleted.at("/question/comments")).isEmpty();
    }

    @Test
    @Order(4)
    void votesChangeAndAreRetractedWithTheirReputation() {
        vote(chen, answerId, "UP");
        JsonNode changed = vote(chen, answerId, "DOWN");
        assertThat(changed.at("/answer/score").asInt()).isEqualTo(-1);
        // the upvote's +10 is taken back, the downvote's -2 is cut by the floor of 1
        assertThat(reputation("bob")).isEqualTo(1);
        refusedUnchanged(chen, "mutation($id: ID!) { vote(input: {postId: $id, direction: DOWN}) { answer { score } } }",
                Map.of("id", answerId), "CONFLICT", "ALREADY_VOTED");
        JsonNode retracted = api.data(chen, "mutation($id: ID!) { retractVote(input: {postId: $id}) { answer { score } } }",
                Map.of("id", answerId)).get("retractVote");
        assertThat(retracted.at("/answer/score").asInt()).isZero();
        assertThat(reputation("bob")).isEqualTo(1);
        refusedUnchanged(chen, "mutation($id: ID!) { retractVote(input: {postId: $id}) { answer { score } } }",
                Map.of("id", answerId), "CONFLICT", "NOT_VOTED");
    }

    @Test
    @Order(5)
    void acceptancesAndEndorsementsAreWithdrawn() {
        api.data(alice, "mutation($id: ID!) { acceptAnswer(input: {answerId: $id}) { answer { accepted } } }", Map.of("id", answerId));
        JsonNode withdrawn = api.data(alice, """
                mutation($id: ID!) { withdrawAcceptance(input: {questionId: $id}) { question { acceptedAnswer { id } } } }""",
                Map.of("id", questionId)).get("withdrawAcceptance");
        assertThat(withdrawn.at("/question/acceptedAnswer").isNull()).isTrue();
        refusedUnchanged(alice, "mutation($id: ID!) { withdrawAcceptance(input: {questionId: $id}) { question { id } } }",
                Map.of("id", questionId), "CONFLICT", "NO_ACCEPTED_ANSWER");

        // chen has no score in the question's tags: no expert
        refusedUnchanged(chen, "mutation($id: ID!) { endorseAnswer(input: {answerId: $id}) { answer { id } } }",
                Map.of("id", answerId), "FORBIDDEN", "NOT_AN_EXPERT");
        api.data(alice, "mutation($id: ID!) { endorseAnswer(input: {answerId: $id}) { answer { id } } }", Map.of("id", answerId));
        JsonNode unendorsed = api.data(alice, """
                mutation($id: ID!) { withdrawAnswerEndorsement(input: {answerId: $id}) { answer { endorsements { note } } } }""",
                Map.of("id", answerId)).get("withdrawAnswerEndorsement");
        assertThat(unendorsed.at("/answer/endorsements")).isEmpty();
    }

    @Test
    @Order(6)
    void aClosedQuestionTakesNoAnswersUntilReopened() {
        String duplicate = ask(bob, communityId, "How can I rebuild an Axon projection?", List.of("axon"));
        JsonNode closed = api.data(alice, """
                mutation($id: ID!, $of: ID!) { closeQuestion(input: {questionId: $id, reason: DUPLICATE, duplicateOfQuestionId: $of}) {
                  question { closed closeReason duplicateOf { id title } } } }""", Map.of("id", duplicate, "of", questionId))
                .at("/closeQuestion/question");
        assertThat(closed.get("closed").asBoolean()).isTrue();
        assertThat(closed.get("closeReason").asText()).isEqualTo("DUPLICATE");
        assertThat(closed.at("/duplicateOf/id").asText()).isEqualTo(questionId);
        refusedUnchanged(chen, "mutation($id: ID!) { postAnswer(input: {questionId: $id, body: \"Late answer\"}) { answer { id } } }",
                Map.of("id", duplicate), "CONFLICT", "QUESTION_CLOSED");
        refusedUnchanged(alice, "mutation($id: ID!) { closeQuestion(input: {questionId: $id, reason: OFF_TOPIC}) { question { id } } }",
                Map.of("id", duplicate), "CONFLICT", "ALREADY_CLOSED");
        JsonNode reopened = api.data(alice, "mutation($id: ID!) { reopenQuestion(input: {questionId: $id}) { question { closed closeReason } } }",
                Map.of("id", duplicate)).at("/reopenQuestion/question");
        assertThat(reopened.get("closed").asBoolean()).isFalse();
        assertThat(reopened.get("closeReason").isNull()).isTrue();
    }

    @Test
    @Order(7)
    void aLockedQuestionRefusesAnswersCommentsVotesAndEdits() {
        JsonNode locked = api.data(alice, "mutation($id: ID!) { lockQuestion(input: {questionId: $id, reason: \"heated\"}) { question { locked } } }",
                Map.of("id", questionId)).at("/lockQuestion/question");
        assertThat(locked.get("locked").asBoolean()).isTrue();
        refusedUnchanged(chen, "mutation($id: ID!) { postAnswer(input: {questionId: $id, body: \"Another answer\"}) { answer { id } } }",
                Map.of("id", questionId), "CONFLICT", "QUESTION_LOCKED");
        refusedUnchanged(chen, "mutation($id: ID!) { addComment(input: {postId: $id, body: \"Hello\"}) { comment { id } } }",
                Map.of("id", questionId), "CONFLICT", "QUESTION_LOCKED");
        refusedUnchanged(chen, "mutation($id: ID!) { vote(input: {postId: $id, direction: UP}) { question { score } } }",
                Map.of("id", questionId), "CONFLICT", "QUESTION_LOCKED");
        // in a team community every member may do everything but moderate
        refusedUnchanged(bob, "mutation($id: ID!) { lockQuestion(input: {questionId: $id}) { question { id } } }",
                Map.of("id", questionId), "FORBIDDEN", "MISSING_PRIVILEGE");
        refusedUnchanged(alice, "mutation($id: ID!) { lockQuestion(input: {questionId: $id}) { question { id } } }",
                Map.of("id", questionId), "CONFLICT", "ALREADY_LOCKED");
        JsonNode unlocked = api.data(alice, "mutation($id: ID!) { unlockQuestion(input: {questionId: $id}) { question { locked } } }",
                Map.of("id", questionId)).at("/unlockQuestion/question");
        assertThat(unlocked.get("locked").asBoolean()).isFalse();
    }

    @Test
    @Order(8)
    void deletedPostsLeaveTheListsAndStayReadableByIdAsDeleted() {
        JsonNode deleted = api.data(bob, "mutation($id: ID!) { deletePost(input: {postId: $id}) { question { answerCount answers { id } } answer { deleted } } }",
                Map.of("id", answerId)).get("deletePost");
        assertThat(deleted.at("/answer/deleted").asBoolean()).isTrue();
        assertThat(deleted.at("/question/answers")).isEmpty();
        assertThat(deleted.at("/question/answerCount").asInt()).isZero();
        refusedUnchanged(chen, "mutation($id: ID!) { vote(input: {postId: $id, direction: UP}) { answer { score } } }",
                Map.of("id", answerId), "CONFLICT", "POST_DELETED");
        JsonNode restored = api.data(bob, "mutation($id: ID!) { undeletePost(input: {postId: $id}) { question { answers { id } } answer { deleted } } }",
                Map.of("id", answerId)).get("undeletePost");
        assertThat(restored.at("/answer/deleted").asBoolean()).isFalse();
        assertThat(restored.at("/question/answers/0/id").asText()).isEqualTo(answerId);

        String doomed = ask(chen, communityId, "A question asked by mistake here", List.of());
        api.data(chen, "mutation($id: ID!) { deletePost(input: {postId: $id, reason: \"by mistake\"}) { question { deleted } } }",
                Map.of("id", doomed));
        JsonNode list = api.data(null, "query($id: ID!) { community(id: $id) { questions(first: 20) { totalCount nodes { id } } } }",
                Map.of("id", communityId)).at("/community/questions");
        assertThat(list.get("nodes")).extracting(n -> n.get("id").asText()).doesNotContain(doomed).contains(questionId);
        assertThat(list.get("totalCount").asInt()).isEqualTo(2);
        assertThat(api.data(null, "query($id: ID!) { question(id: $id) { deleted } }", Map.of("id", doomed))
                .at("/question/deleted").asBoolean()).isTrue();
        refusedUnchanged(chen, """
                mutation($id: ID!) { editQuestion(input: {questionId: $id, title: "A question asked by mistake there", body: "b"}) {
                  question { id } } }""", Map.of("id", doomed), "CONFLICT", "POST_DELETED");
    }

    @Test
    @Order(9)
    void articlesArePublishedEditedListedAndDeleted() {
        JsonNode published = api.data(chen, """
                mutation($id: ID!) { publishArticle(input: {communityId: $id, title: "Rebuilding projections with Axon",
                  body: "# Steps\\n\\nReset the tokens.", tags: ["Axon"]}) { article { id title tags revisionCount author { displayName } community { name } } } }""",
                Map.of("id", communityId)).at("/publishArticle/article");
        String articleId = published.get("id").asText();
        assertThat(published.get("tags")).extracting(JsonNode::asText).containsExactly("axon");
        assertThat(published.at("/community/name").asText()).isEqualTo("Content Guild");

        JsonNode edited = api.data(chen, """
                mutation($id: ID!) { editArticle(input: {articleId: $id, title: "Rebuilding projections with Axon",
                  body: "# Steps\\n\\nReset the tokens, then restart.", tags: ["axon"], comment: "restart"}) {
                  article { revisionCount lastEditor { displayName } revisions { revision changedFields comment } } } }""",
                Map.of("id", articleId)).at("/editArticle/article");
        assertThat(edited.get("revisionCount").asInt()).isEqualTo(2);
        assertThat(edited.at("/revisions/1/changedFields")).extracting(JsonNode::asText).containsExactly("body");

        JsonNode listed = api.data(null, "query($id: ID!) { community(id: $id) { articles(first: 10) { totalCount nodes { id } } } }",
                Map.of("id", communityId)).at("/community/articles");
        assertThat(listed.get("totalCount").asInt()).isEqualTo(1);
        JsonNode deleted = api.data(chen, "mutation($id: ID!) { deleteArticle(input: {articleId: $id, reason: \"outdated\"}) { article { deleted } } }",
                Map.of("id", articleId)).at("/deleteArticle/article");
        assertThat(deleted.get("deleted").asBoolean()).isTrue();
        assertThat(api.data(null, "query($id: ID!) { community(id: $id) { articles(first: 10) { totalCount nodes { id } } } }",
                Map.of("id", communityId)).at("/community/articles/nodes")).isEmpty();
        assertThat(api.data(null, "query($id: ID!) { article(id: $id) { deleted title } }", Map.of("id", articleId))
                .at("/article/deleted").asBoolean()).isTrue();
    }

    private String community(String owner, String name, String preset) {
        return api.data(owner, "mutation($input: CreateCommunityInput!) { createCommunity(input: $input) { community { id } } }",
                Map.of("input", Map.of("name", name, "privilegePreset", preset))).at("/createCommunity/community/id").asText();
    }

    private void join(String member, String community) {
        api.data(member, "mutation($id: ID!) { joinCommunity(input: {communityId: $id}) { community { id } } }", Map.of("id", community));
    }

    private String ask(String author, String community, String title, List<String> tags) {
        return api.data(author, "mutation($input: AskQuestionInput!) { askQuestion(input: $input) { question { id } } }",
                Map.of("input", Map.of("communityId", community, "title", title, "body", "My *tracking* processor is wrong.",
                        "tags", tags))).at("/askQuestion/question/id").asText();
    }

    private JsonNode vote(String voter, String postId, String direction) {
        return api.data(voter, "mutation($id: ID!, $d: VoteDirection!) { vote(input: {postId: $id, direction: $d}) { answer { score } } }",
                Map.of("id", postId, "d", direction)).get("vote");
    }

    private int reputation(String memberId) {
        String id = java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString(("Member:" + memberId).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return api.data(null, "query($id: ID!, $c: ID) { member(id: $id) { reputation(communityId: $c) } }",
                new HashMap<>(Map.of("id", id, "c", communityId))).at("/member/reputation").asInt();
    }

    /** The mutation is refused with the classification and code, and the event store is left as it was. */
    private void refusedUnchanged(String token, String document, Map<String, ?> variables, String classification, String code) {
        long before = StoreInspector.eventCount(system);
        JsonNode response = api.call(token, document, variables);
        assertThat(response.get("errors")).as(response.toString()).isNotNull().hasSize(1);
        JsonNode error = response.get("errors").get(0);
        assertThat(error.at("/extensions/classification").asText()).as(error.toString()).isEqualTo(classification);
        assertThat(error.at("/extensions/code").asText()).as(error.toString()).isEqualTo(code);
        assertThat(error.get("message").asText()).isNotBlank().doesNotContain("Exception");
        assertThat(StoreInspector.eventCount(system)).isEqualTo(before);
    }
}
