package dev.praxis.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.praxis.local.LocalConfig;
import dev.praxis.local.LocalSystem;
import dev.praxis.local.Service;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * A member's right to erasure end to end: a member with a name, a bio, a membership request's
 * message and a moderator's reason about them erases themselves; afterwards none of those texts is
 * in the event store, the read models (also after a rebuild from the events) or the API, while their
 * posts, votes, counts and scores are what they were.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ErasureIT {

    private static final String NAME = "Zoltan Quibbleworth";
    private static final String BIO = "Lives at 12 Secret Lane, Ghent";
    private static final String MESSAGE = "Please admit Zoltan, the cyclist";
    private static final String REASON = "Zoltan cross-posted to every list";
    private static final List<String> PERSONAL = List.of("Quibbleworth", "Secret Lane", "Zoltan, the cyclist", "cross-posted");

    @TempDir
    static Path dataDir;

    private LocalSystem system;
    private GraphQlCaller api;

    @BeforeAll
    void start() {
        system = LocalSystem.start(LocalConfig.forTests(dataDir).mongoOnDisk(true)
                .serviceArgs(Service.QUERY, "--praxis.query.consistency-timeout=30s")
                .serviceArgs(Service.GATEWAY, "--praxis.query-service.read-timeout=40s", "--praxis.graphql.timeout=60s").build());
        api = new GraphQlCaller(system.gatewayUrl());
    }

    @AfterAll
    void stop() {
        if (system != null) {
            system.close();
        }
    }

    @Test
    void anErasedMembersPersonalDataIsNowhereAndTheirContributionsRemain() {
        String alice = api.signIn("alice", "Alice Owner");
        String bob = api.signIn("bob", "Bob Answerer");
        String zed = api.signIn("zed", NAME);
        String open = createCommunity(alice, "Cycling Guild", "PUBLIC");
        String closed = createCommunity(alice, "Frame Builders", "RESTRICTED");
        String zedId = api.data(zed, "{ viewer { id } }", Map.of()).at("/viewer/id").asText();

        // zed leaves personal data of every kind: names, a bio, a request's message, a reason about them
        join(zed, open);
        join(bob, open);
        api.data(zed, "mutation($i: UpdateProfileInput!) { updateProfile(input: $i) { member { displayName } } }",
                Map.of("i", Map.of("displayName", NAME, "bio", BIO, "skills", List.of("cycling"))));
        api.data(zed, "mutation($i: RequestMembershipInput!) { requestMembership(input: $i) { clientMutationId } }",
                Map.of("i", Map.of("communityId", closed, "message", MESSAGE)));
        String question = api.data(zed, """
                mutation($i: AskQuestionInput!) { askQuestion(input: $i) { question { id } } }""",
                Map.of("i", Map.of("communityId", open, "title", "Which chain lube lasts longest in the rain?",
                        "body", "Wax or oil, for a commute in Ghent?", "tags", List.of("maintenance"))))
                .at("/askQuestion/question/id").asText();
        String answer = api.data(bob, "mutation($i: PostAnswerInput!) { postAnswer(input: $i) { answer { id } } }",
                Map.of("i", Map.of("questionId", question, "body", "Wax: it sheds dirt and lasts for weeks.")))
                .at("/postAnswer/answer/id").asText();
        api.data(zed, "mutation($id: ID!) { vote(input: {postId: $id, direction: UP}) { answer { score } } }", Map.of("id", answer));
        api.data(bob, "mutation($id: ID!) { vote(input: {postId: $id, direction: UP}) { question { score } } }", Map.of("id", question));
        api.data(alice, "mutation($i: SuspendMemberInput!) { suspendMember(input: $i) { clientMutationId } }",
                Map.of("i", Map.of("communityId", open, "memberId", zedId, "reason", REASON,
                        "until", Instant.now().plus(2, ChronoUnit.DAYS).toString())));

        // while the key exists, the texts are readable, yet never stored in the clear
        awaitTrue(() -> mentionsAny(StoreInspector.readModels(system).toString()), "the read models show zed's data");
        assertThat(storedEventsMentioningPersonalData()).isZero();
        JsonNode before = snapshot(alice, question, open, zedId);
        assertThat(before.at("/question/author/displayName").asText()).isEqualTo(NAME);
        long events = StoreInspector.eventCount(system);

        JsonNode erased = api.data(zed, "mutation { eraseMember(input: {}) { member { displayName } } }", Map.of());
        assertThat(erased.at("/eraseMember/member/displayName").asText()).isEqualTo("[erased]");
        assertThat(StoreInspector.eventCount(system)).isEqualTo(events + 1);

        // nowhere: not in the events, not in any read model, not through the API, not in search
        assertThat(storedEventsMentioningPersonalData()).isZero();
        awaitTrue(() -> !mentionsAny(StoreInspector.readModels(system).toString()), "the read models forget zed's data");
        JsonNode after = snapshot(alice, question, open, zedId);
        assertThat(after.toString()).doesNotContain(PERSONAL.toArray(new String[0]));
        assertThat(after.at("/question/author/displayName").asText()).isEqualTo("[erased]");
        assertThat(after.at("/member/bio").asText()).isEqualTo("[erased]");
        assertThat(after.at("/requests/nodes/0/displayName").asText()).isEqualTo("[erased]");
        assertThat(after.at("/requests/nodes/0/message").asText()).isEqualTo("[erased]");
        assertThat(api.data(null, "{ searchMembers(query: \"Quibbleworth\") { totalCount } }", Map.of())
                .at("/searchMembers/totalCount").asInt()).isZero();

        // nor in an auditor's export: zed's texts read as erased there, and their key is not in it
        String auditor = api.signIn("audra", "Audra Auditor", List.of("auditor"));
        String export = api.get(auditor, "/audit/export?community=" + open);
        assertThat(export).contains("\"erasedMember\":{\"memberId\":\"zed\"").contains("\"personalData\":{\"displayName\":\"[erased]\"")
                .doesNotContain(PERSONAL.toArray(new String[0]));
        assertThat(export).contains("\"memberKey\":{\"memberId\":\"bob\"").contains("Bob Answerer");

        // their contributions stay: the same question, answer, scores, counts and reputation
        assertThat(withoutNames(after)).isEqualTo(withoutNames(before));

        // an erased member can act no more, and nothing is written
        JsonNode refused = api.call(zed, "mutation($id: ID!) { vote(input: {postId: $id, direction: DOWN}) { answer { score } } }",
                Map.of("id", answer));
        assertThat(refused.at("/errors/0/extensions/code").asText()).as(refused.toString()).isEqualTo("MEMBER_ERASED");
        assertThat(refused.at("/errors/0/extensions/classification").asText()).isEqualTo("FORBIDDEN");
        assertThat(StoreInspector.eventCount(system)).isEqualTo(events + 1);

        // a rebuild from the events gives the same read models: the events now read as erased
        Map<String, List<Document>> models = StoreInspector.readModels(system);
        system.stop(Service.QUERY);
        StoreInspector.dropReadDatabase(system);
        system.start(Service.QUERY);
        awaitTrue(() -> StoreInspector.readModels(system).equals(models), "the rebuilt read models equal the erased ones");
        assertThat(snapshot(alice, question, open, zedId)).isEqualTo(after);
    }

    /** What a client sees of zed and their contributions, as the community's owner. */
    private JsonNode snapshot(String owner, String question, String community, String zedId) {
        return api.data(owner, """
                query($q: ID!, $c: ID!, $m: ID!, $closed: ID!) {
                  question: node(id: $q) { ... on Question { title score answerCount author { id displayName reputation }
                    answers { score author { displayName } } } }
                  member: node(id: $m) { ... on Member { displayName bio } }
                  community: node(id: $c) { ... on Community { memberCount
                    members(first: 10) { nodes { member { id displayName } restrictionReason } } } }
                  requests: membershipRequests(communityId: $closed) { nodes { displayName message member { id } } }
                }""", Map.of("q", question, "c", community, "m", zedId, "closed", closedCommunity));
    }

    private String closedCommunity;

    private String createCommunity(String owner, String name, String visibility) {
        String id = api.data(owner, "mutation($i: CreateCommunityInput!) { createCommunity(input: $i) { community { id } } }",
                Map.of("i", Map.of("name", name, "privilegePreset", "TEAM", "visibility", visibility)))
                .at("/createCommunity/community/id").asText();
        if (visibility.equals("RESTRICTED")) {
            closedCommunity = id;
        }
        return id;
    }

    private void join(String member, String community) {
        api.data(member, "mutation($id: ID!) { joinCommunity(input: {communityId: $id}) { community { id } } }",
                Map.of("id", community));
    }

    /** The snapshot with every text that may name zed blanked: what must not change by an erasure. */
    private static String withoutNames(JsonNode snapshot) {
        return snapshot.toString().replaceAll("\"(displayName|bio|message|restrictionReason)\":\"[^\"]*\"", "\"$1\":\"-\"");
    }

    private static boolean mentionsAny(String text) {
        return PERSONAL.stream().anyMatch(text::contains);
    }

    private int storedEventsMentioningPersonalData() {
        try (Connection connection = DriverManager.getConnection(system.jdbcUrl(), system.jdbcUser(), system.jdbcPassword())) {
            int found = 0;
            for (String text : PERSONAL) {
                try (PreparedStatement statement = connection.prepareStatement(
                        "SELECT count(*) FROM domain_event_entry WHERE payload LIKE ? OR meta_data LIKE ?")) {
                    statement.setString(1, "%" + text + "%");
                    statement.setString(2, "%" + text + "%");
                    try (ResultSet result = statement.executeQuery()) {
                        result.next();
                        found += result.getInt(1);
                    }
                }
            }
            return found;
        } catch (SQLException e) {
            throw new AssertionError("cannot read the event store", e);
        }
    }

    private static void awaitTrue(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting until " + what);
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting until " + what);
            }
        }
    }
}
