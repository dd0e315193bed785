package dev.praxis.query.changes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.praxis.query.TestStores;
import dev.praxis.api.community.CommunityCreated;
import dev.praxis.api.community.CommunityRole;
import dev.praxis.api.community.CommunityVisibility;
import dev.praxis.api.community.CommunityVisibilityChanged;
import dev.praxis.api.community.MemberBanned;
import dev.praxis.api.community.MemberJoinedCommunity;
import dev.praxis.api.question.AnswerPosted;
import dev.praxis.api.question.CommentAdded;
import dev.praxis.api.question.PostKind;
import dev.praxis.api.question.QuestionAsked;
import dev.praxis.api.question.VoteCast;
import dev.praxis.api.question.VoteDirection;
import dev.praxis.api.shared.MessageJson;
import dev.praxis.api.shared.PraxisEvent;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The change feed, {@code GET /changes}, over real HTTP on a real event store (embedded
 * PostgreSQL) and the embedded MongoDB server: long polls, pages, refusals, read access, and an
 * event committed late (a gap in the global order) delivered in its place rather than lost.
 */
// a poll interval longer than any wait here: a waiting poll must be woken by the projection's batch
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"praxis.query.consistency-timeout=3s", "praxis.changes.gap-grace=20s", "praxis.changes.poll-interval=60s"})
class ChangeFeedTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant T = Instant.parse("2026-07-01T10:00:00Z");

    static TestStores stores;

    @DynamicPropertySource
    static void stores(DynamicPropertyRegistry registry) throws Exception {
        stores = TestStores.start(registry);
    }

    @LocalServerPort
    int port;
    @Autowired
    EventStorageEngine storageEngine;

    private final HttpClient http = HttpClient.newHttpClient();
    private final Map<String, Long> sequences = new HashMap<>();

    @Test
    void aLongPollAnswersAsSoonAsAChangeArrivesAndPagesFollowTheGlobalOrder() throws Exception {
        String community = publicCommunity();
        String question = "q-" + UUID.randomUUID();
        long asked = append(question, new QuestionAsked(question, community, "How long does a long poll wait?", "Body", List.of(), "ann", T));
        // the feed learns of a question (and its community) from the read model, like any client after its write
        awaitProjected(asked);
        JsonNode start = get("/changes?topic=question:" + question + "&after=" + asked + "&waitMs=0", 200);
        assertThat(start.get("changes")).isEmpty();

        long polledAt = System.nanoTime();
        CompletableFuture<JsonNode> waiting = CompletableFuture.supplyAsync(
                () -> unchecked(() -> get("/changes?topic=question:" + question + "&after=" + asked + "&waitMs=10000", 200)));
        Thread.sleep(300);
        long answered = append(question, new AnswerPosted(question, "a-" + question, community, "Until news.", "bob", T));
        JsonNode page = waiting.get();
        long latencyMs = (System.nanoTime() - polledAt) / 1_000_000 - 300;
        assertThat(page.at("/changes/0/kind").asText()).isEqualTo("ANSWER_POSTED");
        assertThat(page.at("/changes/0/position").asLong()).isEqualTo(answered);
        assertThat(page.at("/scannedTo").asLong()).isGreaterThanOrEqualTo(answered);
        assertThat(latencyMs).as("answered while waiting, not at the end of the wait").isLessThan(5_000);
        System.out.println("change feed: a waiting poll answered " + latencyMs + " ms after the event was appended");

        long voted = append(question, new VoteCast(question, question, PostKind.QUESTION, community, "ann", VoteDirection.UP, "cy", T));
        long commented = append(question, new CommentAdded(question, "k-" + question, question, PostKind.QUESTION, community, "ann",
                "Nice", List.of(), "bob", T));
        awaitProjected(commented);
        JsonNode firstTwo = get("/changes?topic=question:" + question + "&after=-1&limit=2", 200);
        assertThat(firstTwo.get("changes")).extracting(change -> change.get("position").asLong()).containsExactly(asked, answered);
        assertThat(firstTwo.get("scannedTo").asLong()).as("a full page resumes after its last change").isEqualTo(answered);
        JsonNode rest = get("/changes?topic=question:" + question + "&after=" + answered, 200);
        assertThat(rest.get("changes")).extracting(change -> change.get("kind").asText()).containsExactly("VOTE_CAST", "COMMENT_ADDED");
        assertThat(rest.at("/changes/0/actorId").isNull()).as("votes are anonymous").isTrue();
        assertThat(rest.at("/changes/1/position").asLong()).isEqualTo(commented);
        assertThat(voted).isLessThan(commented);

        JsonNode fromNow = get("/changes?topic=community:" + community, 200);
        assertThat(fromNow.get("changes")).as("without after: from now on").isEmpty();
        assertThat(fromNow.get("scannedTo").asLong()).isGreaterThanOrEqualTo(commented);
        JsonNode activity = get("/changes?topic=community:" + community + "&after=-1", 200);
        assertThat(activity.get("changes")).extracting(change -> change.get("kind").asText())
                .containsExactly("QUESTION_ASKED", "ANSWER_POSTED");
    }

    @Test
    void anEventCommittedLateIsDeliveredInItsPlaceAndNothingAfterItSlipsAhead() throws Exception {
        String community = publicCommunity();
        String question = "q-" + UUID.randomUUID();
        long asked = append(question, new QuestionAsked(question, community, "What if a write commits late?", "Body", List.of(), "ann", T));
        awaitProjected(asked);

        try (Connection slowWriter = stores.postgres().getPostgresDatabase().getConnection()) {
            slowWriter.setAutoCommit(false);
            insertUncommitted(slowWriter, question, new AnswerPosted(question, "late-" + question, community, "Late but here.", "bob", T));
            long after = append(question, new VoteCast(question, question, PostKind.QUESTION, community, "ann", VoteDirection.UP, "cy", T));

            JsonNode held = get("/changes?topic=question:" + question + "&after=" + asked + "&waitMs=1500", 200);
            assertThat(held.get("changes")).as("the vote waits behind the open gap").isEmpty();
            assertThat(held.get("scannedTo").asLong()).isLessThan(after);

            slowWriter.commit();
            JsonNode both = get("/changes?topic=question:" + question + "&after=" + asked + "&waitMs=10000", 200);
            assertThat(both.get("changes")).extracting(change -> change.get("kind").asText())
                    .containsExactly("ANSWER_POSTED", "VOTE_CAST");
            assertThat(both.at("/changes/0/position").asLong()).isLessThan(both.at("/changes/1/position").asLong());
        }
    }

    @Test
    void aPrivateCommunitysChangesGoToCurrentMembersOnly() throws Exception {
        String community = "c-" + UUID.randomUUID();
        append(community, new CommunityCreated(community, "Private Guild", null, null, "ann", T));
        append(community, new MemberJoinedCommunity(community, "ann", "Ann", CommunityRole.OWNER, "ann", T));
        append(community, new MemberJoinedCommunity(community, "bob", "Bob", CommunityRole.MEMBER, "bob", T));
        append(community, new CommunityVisibilityChanged(community, CommunityVisibility.PUBLIC, CommunityVisibility.PRIVATE, "ann", T));
        String question = "q-" + UUID.randomUUID();
        long asked = append(question, new QuestionAsked(question, community, "Who may follow this thread?", "Body", List.of(), "ann", T));
        awaitProjected(asked);

        assertThat(get("/changes?topic=question:" + question + "&after=-1&viewer=bob", 200).get("changes")).hasSize(1);
        assertError(get("/changes?topic=question:" + question + "&after=-1&viewer=eve", 403), "COMMUNITY_NOT_READABLE");
        assertError(get("/changes?topic=question:" + question + "&after=-1", 403), "COMMUNITY_NOT_READABLE");
        assertError(get("/changes?topic=community:" + community + "&after=-1", 403), "COMMUNITY_NOT_READABLE");

        long banned = append(community, new MemberBanned(community, "bob", "Spam", null, true, "ann", T));
        // access follows the read model: once the ban is read there, bob's poll is refused
        awaitProjected(banned);
        append(question, new AnswerPosted(question, "a-" + question, community, "After the ban.", "ann", T));
        assertError(get("/changes?topic=question:" + question + "&after=" + asked + "&viewer=bob&waitMs=5000", 403),
                "COMMUNITY_NOT_READABLE");
    }

    @Test
    void badRequestsAreTyped() throws Exception {
        assertError(get("/changes?topic=nonsense", 400), "UNKNOWN_TOPIC");
        assertError(get("/changes?topic=feed:", 400), "UNKNOWN_TOPIC");
        assertError(get("/changes?topic=question:", 400), "UNKNOWN_TOPIC");
        assertError(get("/changes?topic=question:nope", 404), "UNKNOWN_QUESTION");
        assertError(get("/changes?topic=community:nope", 404), "UNKNOWN_COMMUNITY");
        String community = publicCommunity();
        assertError(get("/changes?topic=community:" + community + "&limit=0", 400), "INVALID_PAGE_SIZE");
        assertError(get("/changes?topic=community:" + community + "&limit=101", 400), "INVALID_PAGE_SIZE");
        assertError(get("/changes?topic=community:" + community + "&waitMs=30001", 400), "INVALID_WAIT");
        assertError(get("/changes?topic=community:" + community + "&after=-2", 400), "INVALID_CURSOR");
        assertError(get("/changes?topic=community:" + community + "&after=x", 400), "MALFORMED_REQUEST");
    }

    private String publicCommunity() throws Exception {
        String community = "c-" + UUID.randomUUID();
        append(community, new CommunityCreated(community, "Open Guild", null, null, "ann", T));
        long position = append(community, new MemberJoinedCommunity(community, "ann", "Ann", CommunityRole.OWNER, "ann", T));
        awaitProjected(position);
        return community;
    }

    /** Waits until every projection has processed the position ({@code GET /position} answers at once). */
    private void awaitProjected(long position) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (get("/position", 200).get("position").asLong() < position) {
            assertThat(System.nanoTime()).as("the projections reach position " + position).isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    private long append(String aggregateId, PraxisEvent event) {
        storageEngine.appendEvents(new GenericDomainEventMessage<>("test", aggregateId, nextSequence(aggregateId), event));
        try (Connection connection = stores.postgres().getPostgresDatabase().getConnection();
             ResultSet result = connection.createStatement().executeQuery("SELECT max(global_index) FROM domain_event_entry")) {
            result.next();
            return result.getLong(1);
        }
        catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes an event as the storage engine would, in a transaction the caller commits later. */
    private void insertUncommitted(Connection connection, String aggregateId, PraxisEvent event) throws Exception {
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type, time_stamp,
                  payload_type, payload_revision, payload, meta_data) VALUES (?, ?, ?, 'test', ?, ?, NULL, ?, '{}')""")) {
            insert.setString(1, UUID.randomUUID().toString());
            insert.setString(2, aggregateId);
            insert.setLong(3, nextSequence(aggregateId));
            // the time the storage engine would record: now (a write that commits late is a recent one)
            insert.setString(4, Instant.now().toString());
            insert.setString(5, event.getClass().getName());
            insert.setString(6, MessageJson.storageMapper().writeValueAsString(event));
            insert.executeUpdate();
        }
    }

    private long nextSequence(String aggregateId) {
        return sequences.merge(aggregateId, 0L, (old, zero) -> old + 1);
    }

    private JsonNode get(String path, int status) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(40)).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path + " " + response.body()).isEqualTo(status);
        return JSON.readTree(response.body());
    }

    private static void assertError(JsonNode error, String code) {
        assertThat(error.get("code").asText()).as(error.toString()).isEqualTo(code);
    }

    private interface Call<T> {
        T call() throws Exception;
    }

    private static <T> T unchecked(Call<T> call) {
        try {
            return call.call();
        }
        catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
