package dev.praxis.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.praxis.local.LocalConfig;
import dev.praxis.local.LocalSystem;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
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
 * Members' profiles, follows and skill endorsements, and the tags of communities, end to end through
 * GraphQL on the three services. The tests build on each other's data, in order.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MembersAndTagsIT {

    private static final String MEMBER_FIELDS = """
            id displayName bio skills { name endorsementCount endorsements { endorser { displayName } note } }
            following { members { displayName } tags { name } questions { title } } followers { displayName }""";

    @TempDir
    static Path dataDir;

    private LocalSystem system;
    private GraphQlCaller api;
    private String alice;
    private String bob;
    private String chen;
    private String dana;
    private String team;
    private String open;
    private String questionId;

    @BeforeAll
    void start() {
        system = LocalSystem.start(LocalConfig.forTests(dataDir).build());
        api = new GraphQlCaller(system.gatewayUrl());
        alice = api.signIn("alice", "Alice Adams");
        bob = api.signIn("bob", "Bob Brown");
        chen = api.signIn("chen", "Chen Cho");
        dana = api.signIn("dana", "Dana Diaz");
        team = community(alice, "Team Practitioners", "TEAM");
        for (String member : List.of(bob, chen)) {
            join(member, team);
        }
        open = community(alice, "Open Practitioners", "STACK_OVERFLOW");
        join(dana, open);
    }

    @AfterAll
    void stop() {
        if (system != null) {
            system.close();
        }
    }

    @Test
    @Order(1)
    void profilesFollowsAndSkillEndorsements() {
        JsonNode updated = api.data(bob, "mutation($input: UpdateProfileInput!) { updateProfile(input: $input) { member { "
                + MEMBER_FIELDS + " } clientMutationId } }", Map.of("input", Map.of("displayName", "Bob B.",
                "bio", "I *ship* event-sourced systems.", "skills", List.of("Java", "axon", "java"), "clientMutationId", "p1")));
        JsonNode bobView = updated.at("/updateProfile/member");
        assertThat(bobView.get("displayName").asText()).isEqualTo("Bob B.");
        assertThat(bobView.get("bio").asText()).isEqualTo("I *ship* event-sourced systems.");
        assertThat(names(bobView.get("skills"))).containsExactly("java", "axon");
        assertThat(updated.at("/updateProfile/clientMutationId").asText()).isEqualTo("p1");
        String bobId = bobView.get("id").asText();

        JsonNode followed = api.data(alice, "mutation($id: ID!) { followMember(input: {memberId: $id}) { member { "
                + MEMBER_FIELDS + " } followed { followers { displayName } } } }", Map.of("id", bobId));
        assertThat(texts(followed.at("/followMember/member/following/members"), "displayName")).containsExactly("Bob B.");
        assertThat(texts(followed.at("/followMember/followed/followers"), "displayName")).containsExactly("Alice Adams");

        JsonNode unfollowed = api.data(alice, "mutation($id: ID!) { unfollowMember(input: {memberId: $id}) { member { "
                + MEMBER_FIELDS + " } followed { followers { displayName } } } }", Map.of("id", bobId));
        assertThat(unfollowed.at("/unfollowMember/member/following/members")).isEmpty();
        assertThat(unfollowed.at("/unfollowMember/followed/followers")).isEmpty();
        api.data(alice, "mutation($id: ID!) { followMember(input: {memberId: $id}) { member { id } } }", Map.of("id", bobId));

        JsonNode endorsed = api.data(alice, "mutation($id: ID!) { endorseSkill(input: {memberId: $id, skill: \"Java\", note: \"Built our event store.\"}) { member { "
                + MEMBER_FIELDS + " } } }", Map.of("id", bobId));
        JsonNode java = endorsed.at("/endorseSkill/member/skills/0");
        assertThat(java.get("name").asText()).isEqualTo("java");
        assertThat(java.get("endorsementCount").asInt()).isEqualTo(1);
        assertThat(java.at("/endorsements/0/endorser/displayName").asText()).isEqualTo("Alice Adams");
        assertThat(java.at("/endorsements/0/note").asText()).isEqualTo("Built our event store.");
        api.data(chen, "mutation($id: ID!) { endorseSkill(input: {memberId: $id, skill: \"axon\"}) { member { id } } }", Map.of("id", bobId));

        JsonNode withdrawn = api.data(alice, "mutation($id: ID!) { withdrawSkillEndorsement(input: {memberId: $id, skill: \"java\"}) { member { "
                + MEMBER_FIELDS + " } } }", Map.of("id", bobId));
        assertThat(withdrawn.at("/withdrawSkillEndorsement/member/skills/0/endorsementCount").asInt()).isZero();
        assertThat(withdrawn.at("/withdrawSkillEndorsement/member/skills/1/endorsementCount").asInt()).isEqualTo(1);

        JsonNode bobRead = api.data(alice, "query($id: ID!) { member(id: $id) { " + MEMBER_FIELDS + " } }", Map.of("id", bobId));
        assertThat(texts(bobRead.at("/member/followers"), "displayName")).containsExactly("Alice Adams");
        assertThat(bobRead.at("/member/skills/1/endorsements/0/endorser/displayName").asText()).isEqualTo("Chen Cho");
    }

    @Test
    @Order(2)
    void tagsSynonymsAndAskingWithThem() {
        JsonNode created = api.data(chen, "mutation($id: ID!) { createTag(input: {communityId: $id, name: \" Axon \", description: \"Axon Framework\"}) { tag { name description questionCount synonyms community { name } } } }",
                Map.of("id", team));
        assertThat(created.at("/createTag/tag/name").asText()).isEqualTo("axon");
        assertThat(created.at("/createTag/tag/description").asText()).isEqualTo("Axon Framework");
        assertThat(created.at("/createTag/tag/community/name").asText()).isEqualTo("Team Practitioners");

        JsonNode described = api.data(bob, "mutation($id: ID!) { editTagDescription(input: {communityId: $id, name: \"axon\", description: \"CQRS and event sourcing on the JVM\"}) { tag { description } } }",
                Map.of("id", team));
        assertThat(described.at("/editTagDescription/tag/description").asText()).isEqualTo("CQRS and event sourcing on the JVM");

        JsonNode synonym = api.data(chen, "mutation($id: ID!) { addTagSynonym(input: {communityId: $id, name: \"axon\", synonym: \"AxonFramework\"}) { tag { name synonyms } } }",
                Map.of("id", team));
        assertThat(synonym.at("/addTagSynonym/tag/synonyms/0").asText()).isEqualTo("axonframework");

        JsonNode asked = api.data(bob, "mutation($input: AskQuestionInput!) { askQuestion(input: $input) { question { id tags } } }",
                Map.of("input", Map.of("communityId", team, "title", "How do I replay a single Axon projection?",
                        "body", "Details.", "tags", List.of("axonframework", "Kotlin", "axon"))));
        assertThat(asked.at("/askQuestion/question/tags")).extracting(JsonNode::asText).containsExactly("axon", "kotlin");
        questionId = asked.at("/askQuestion/question/id").asText();

        JsonNode tags = api.data(alice, "query($id: ID!) { community(id: $id) { tags(first: 10) { totalCount nodes { name questionCount synonyms } } } }",
                Map.of("id", team));
        assertThat(tags.at("/community/tags/totalCount").asInt()).isEqualTo(2);
        assertThat(texts(tags.at("/community/tags/nodes"), "name")).containsExactlyInAnyOrder("axon", "kotlin");
        for (JsonNode tag : tags.at("/community/tags/nodes")) {
            assertThat(tag.get("questionCount").asInt()).isEqualTo(1);
        }

        JsonNode bySynonym = api.data(alice, "query($id: ID!) { tag(communityId: $id, name: \"AxonFramework\") { name description } }",
                Map.of("id", team));
        assertThat(bySynonym.at("/tag/name").asText()).isEqualTo("axon");

        JsonNode removed = api.data(chen, "mutation($id: ID!) { removeTagSynonym(input: {communityId: $id, name: \"axon\", synonym: \"axonframework\"}) { tag { synonyms } } }",
                Map.of("id", team));
        assertThat(removed.at("/removeTagSynonym/tag/synonyms")).isEmpty();
    }

    @Test
    @Order(3)
    void followingTagsAndQuestions() {
        JsonNode tag = api.data(alice, "mutation($id: ID!) { followTag(input: {communityId: $id, tag: \"Kotlin\"}) { member { following { tags { name questionCount } } } tag { name } } }",
                Map.of("id", team));
        assertThat(texts(tag.at("/followTag/member/following/tags"), "name")).containsExactly("kotlin");
        assertThat(tag.at("/followTag/tag/name").asText()).isEqualTo("kotlin");
        JsonNode untag = api.data(alice, "mutation($id: ID!) { unfollowTag(input: {communityId: $id, tag: \"kotlin\"}) { member { following { tags { name } } } } }",
                Map.of("id", team));
        assertThat(untag.at("/unfollowTag/member/following/tags")).isEmpty();

        JsonNode question = api.data(alice, "mutation($id: ID!) { followQuestion(input: {questionId: $id}) { member { following { questions { title } } } question { title } } }",
                Map.of("id", questionId));
        assertThat(texts(question.at("/followQuestion/member/following/questions"), "title"))
                .containsExactly("How do I replay a single Axon projection?");
        JsonNode unquestion = api.data(alice, "mutation($id: ID!) { unfollowQuestion(input: {questionId: $id}) { member { following { questions { title } } } } }",
                Map.of("id", questionId));
        assertThat(unquestion.at("/unfollowQuestion/member/following/questions")).isEmpty();
    }

    @Test
    @Order(4)
    void refusalsChangeNothing() {
        api.data(alice, "mutation($id: ID!) { createTag(input: {communityId: $id, name: \"spring\"}) { tag { name } } }", Map.of("id", open));
        String aliceId = globalId("Member", "alice");
        String bobId = globalId("Member", "bob");
        long before = StoreInspector.eventCount(system);

        assertRefused(alice, "mutation($id: ID!) { followMember(input: {memberId: $id}) { member { id } } }",
                Map.of("id", aliceId), "BAD_REQUEST", "CANNOT_FOLLOW_SELF");
        assertRefused(alice, "mutation($id: ID!) { followMember(input: {memberId: $id}) { member { id } } }",
                Map.of("id", bobId), "CONFLICT", "ALREADY_FOLLOWING");
        assertRefused(alice, "mutation($id: ID!) { followMember(input: {memberId: $id}) { member { id } } }",
                Map.of("id", globalId("Member", "nobody")), "NOT_FOUND", "UNKNOWN_MEMBER");
        assertRefused(alice, "mutation($id: ID!) { endorseSkill(input: {memberId: $id, skill: \"cobol\"}) { member { id } } }",
                Map.of("id", bobId), "BAD_REQUEST", "SKILL_NOT_DECLARED");
        assertRefused(bob, "mutation($id: ID!) { endorseSkill(input: {memberId: $id, skill: \"java\"}) { member { id } } }",
                Map.of("id", bobId), "FORBIDDEN", "OWN_SKILL");
        assertRefused(alice, "mutation($id: ID!) { followQuestion(input: {questionId: $id}) { member { id } } }",
                Map.of("id", globalId("Question", "no-such-question")), "NOT_FOUND", "UNKNOWN_QUESTION");
        assertRefused(dana, "mutation($id: ID!) { addTagSynonym(input: {communityId: $id, name: \"spring\", synonym: \"springframework\"}) { tag { name } } }",
                Map.of("id", open), "FORBIDDEN", "MISSING_PRIVILEGE");
        assertRefused(dana, "mutation($id: ID!) { createTag(input: {communityId: $id, name: \"quarkus\"}) { tag { name } } }",
                Map.of("id", open), "FORBIDDEN", "MISSING_PRIVILEGE");
        assertRefused(dana, "mutation($input: AskQuestionInput!) { askQuestion(input: $input) { question { id } } }",
                Map.of("input", Map.of("communityId", open, "title", "Is Quarkus a good fit for us?", "body", "Details.",
                        "tags", List.of("spring", "quarkus"))), "FORBIDDEN", "MISSING_PRIVILEGE");
        assertRefused(chen, "mutation($id: ID!) { createTag(input: {communityId: $id, name: \"axon\"}) { tag { name } } }",
                Map.of("id", team), "CONFLICT", "TAG_EXISTS");
        assertRefused(bob, "mutation { updateProfile(input: {displayName: \" \"}) { member { id } } }",
                Map.of(), "BAD_REQUEST", "DISPLAY_NAME_EMPTY");

        assertThat(StoreInspector.eventCount(system)).isEqualTo(before);

        JsonNode asked = api.data(dana, "mutation($input: AskQuestionInput!) { askQuestion(input: $input) { question { tags } } }",
                Map.of("input", Map.of("communityId", open, "title", "Which Spring version for a new service?", "body", "Details.",
                        "tags", List.of("Spring"))));
        assertThat(asked.at("/askQuestion/question/tags")).extracting(JsonNode::asText).containsExactly("spring");
    }

    private String community(String owner, String name, String preset) {
        return api.data(owner, "mutation($input: CreateCommunityInput!) { createCommunity(input: $input) { community { id } } }",
                Map.of("input", Map.of("name", name, "privilegePreset", preset))).at("/createCommunity/community/id").asText();
    }

    private void join(String member, String communityId) {
        api.data(member, "mutation($id: ID!) { joinCommunity(input: {communityId: $id}) { community { id } } }",
                Map.of("id", communityId));
    }

    private void assertRefused(String token, String document, Map<String, ?> variables, String classification, String code) {
        JsonNode response = api.call(token, document, variables);
        assertThat(response.get("errors")).as(response.toString()).isNotNull().hasSize(1);
        JsonNode error = response.get("errors").get(0);
        assertThat(error.at("/extensions/classification").asText()).as(error.toString()).isEqualTo(classification);
        assertThat(error.at("/extensions/code").asText()).as(error.toString()).isEqualTo(code);
        assertThat(error.get("message").asText()).isNotBlank().doesNotContain("Exception");
    }

    private static List<String> names(JsonNode list) {
        return texts(list, "name");
    }

    private static List<String> texts(JsonNode list, String field) {
        List<String> texts = new ArrayList<>();
        list.forEach(node -> texts.add(node.get(field).asText()));
        return texts;
    }

    private static String globalId(String type, String rawId) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((type + ":" + rawId).getBytes(StandardCharsets.UTF_8));
    }
}
