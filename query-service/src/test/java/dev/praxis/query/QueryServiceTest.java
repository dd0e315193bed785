package dev.praxis.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import dev.praxis.api.community.CommunityCreated;
import dev.praxis.api.community.CommunityRole;
import dev.praxis.api.community.MemberJoinedCommunity;
import dev.praxis.api.question.AnswerAccepted;
import dev.praxis.api.question.AnswerPosted;
import dev.praxis.api.question.PostKind;
import dev.praxis.api.question.QuestionAsked;
import dev.praxis.api.question.VoteCast;
import dev.praxis.api.question.VoteDirection;
import dev.praxis.api.shared.PraxisEvent;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The query service against a real event store (embedded PostgreSQL, schema from the command
 * service's migrations) and the embedded MongoDB server, over real HTTP.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "praxis.query.consistency-timeout=1500ms")
class QueryServiceTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    static TestStores stores;

    @DynamicPropertySource
    static void stores(DynamicPropertyRegistry registry) throws Exception {
        stores = TestStores.start(registry);
    }

    @LocalServerPort
    int port;
    @Autowired
    EventStorageEngine storageEngine;
    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    MongoClient mongoClient;
    @Autowired
    MongoTemplate mongoTemplate;
    @Autowired
    org.axonframework.config.Configuration axonConfiguration;

    private final HttpClient http = HttpClient.newHttpClient();
    private final Map<String, Long> sequences = new HashMap<>();

    @Test
    void aReadWithMinPositionSeesTheEventsUpToIt() throws Exception {
        String community = "c-" + UUID.randomUUID();
        String question = "q-" + UUID.randomUUID();
        Instant t = Instant.parse("2026-04-01T12:00:00Z");
        append(community, new CommunityCreated(community, "Kotlin Guild", null, null, "alice", t));
        append(community, new MemberJoinedCommunity(community, "alice", "Alice", CommunityRole.OWNER, "alice", t));
        append(community, new MemberJoinedCommunity(community, "bob", "Bob", CommunityRole.MEMBER, "bob", t));
        append(question, new QuestionAsked(question, community, "Coroutines or virtual threads?", "Which one?", List.of("kotlin"), "alice", t));
        append(question, new AnswerPosted(question, "a1", community, "Both have a place.", "bob", t));
        append(question, new VoteCast(question, "a1", PostKind.ANSWER, community, "bob", VoteDirection.UP, "alice", t));
        long position = append(question, new AnswerAccepted(question, "a1", community, "bob", "alice", t));

        JsonNode page = get("/communities/" + community + "/questions?first=10&minPosition=" + position);
        assertThat(page.at("/items/0/id").asText()).isEqualTo(question);
        assertThat(page.at("/items/0/acceptedAnswerId").asText()).isEqualTo("a1");
        assertThat(page.at("/totalCount").asLong()).isEqualTo(1);
        JsonNode bob = get("/members/bob?minPosition=" + position);
        assertThat(bob.at("/reputation").asInt()).isEqualTo(1 + 10 + 15);
        assertThat(bob.at("/memberships/0/reputation").asInt()).isEqualTo(1 + 10 + 15);
        JsonNode alice = get("/members/alice");
        assertThat(alice.at("/reputation").asInt()).as("the asker earns 2 for accepting someone else's answer").isEqualTo(1 + 2);
        assertThat(alice.at("/memberships/0/role").asText()).isEqualTo("OWNER");
        assertThat(alice.at("/memberships/0/reputation").asInt()).isEqualTo(1 + 2);
        JsonNode answers = post("/answers/batch", "{\"ids\": [\"a1\", \"nope\"]}");
        assertThat(answers).hasSize(1);
        assertThat(answers.at("/0/score").asInt()).isEqualTo(1);
        assertThat(get("/position").at("/position").asLong()).isGreaterThanOrEqualTo(position);
        assertThat(get("/position?minPosition=" + position).at("/position").asLong()).isGreaterThanOrEqualTo(position);
    }

    @Test
    void theProcessorsShowWhoHoldsEachSegmentAndHowFarItCame() throws Exception {
        String community = "c-" + UUID.randomUUID();
        long position = append(community, new CommunityCreated(community, "Processors Guild", null, null, "alice",
                Instant.parse("2026-04-01T12:00:00Z")));
        get("/communities/" + community + "?minPosition=" + position);

        JsonNode view = get("/processors");
        String node = view.at("/nodeId").asText();
        assertThat(node).isNotBlank();
        Map<String, JsonNode> byName = new HashMap<>();
        view.at("/processors").forEach(p -> byName.put(p.at("/name").asText(), p));
        assertThat(byName.keySet()).as("every projection with a token in the shared store")
                .containsAll(processing.eventProcessors().keySet().stream().filter(name -> !name.equals("search")).toList())
                .doesNotContain("search");
        byName.forEach((name, processor) -> {
            JsonNode segment = processor.at("/segments/0");
            assertThat(segment.at("/owner").asText()).as(name).isEqualTo(node);
            assertThat(segment.at("/processed").asLong()).as(name + " processed here").isGreaterThanOrEqualTo(position);
            if (!segment.at("/position").isNull()) {
                assertThat(segment.at("/position").asLong()).as(name + " stored").isLessThanOrEqualTo(segment.at("/processed").asLong());
            }
        });
    }

    /** Every projection reads the store through the linger (ProcessorConfiguration), which shares a batch's costs. */
    @Test
    void everyProjectionReadsTheStoreThroughTheLinger() {
        assertThat(processing.eventProcessors()).isNotEmpty();
        processing.eventProcessors().forEach((name, processor) -> assertThat(processor).as(name)
                .isInstanceOfSatisfying(org.axonframework.eventhandling.TrackingEventProcessor.class,
                        tracking -> assertThat(tracking.getMessageSource()).as(name)
                                .isInstanceOf(dev.praxis.query.eventstore.LingeringEventSource.class)));
    }

    /**
     * The projections' units of work take no correlation data from the events: Axon's default
     * provider would deserialize every event's metadata for every projection, and they send nothing.
     */
    @Test
    void theProjectionsReadNoEventsMetadataForCorrelationData() {
        org.axonframework.messaging.Message<?> event = new org.axonframework.eventhandling.GenericEventMessage<>("payload") {
            @Override
            public org.axonframework.messaging.MetaData getMetaData() {
                throw new AssertionError("the metadata was read");
            }
        };
        assertThat(axonConfiguration.correlationDataProviders()).isNotEmpty().allSatisfy(provider ->
                assertThat(provider.correlationDataFor(event)).isEmpty());
    }

    /** A projection whose handler throws retries the batch; Axon's default would log and skip the event. */
    @Test
    void aFailingHandlerFailsItsBatchInsteadOfSkippingTheEvent() {
        assertThat(processing.eventProcessors()).isNotEmpty();
        processing.eventProcessors().keySet().forEach(name -> assertThat(processing.listenerInvocationErrorHandler(name))
                .as(name).isInstanceOf(org.axonframework.eventhandling.PropagatingErrorHandler.class));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/communities?first=5&minPosition=999999999", "/position?minPosition=999999999"})
    void aPositionNotYetReachedAnswersAClearTimeout(String read) throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri(read)).GET());
        assertThat(response.statusCode()).isEqualTo(503);
        JsonNode error = JSON.readTree(response.body());
        assertThat(error.get("kind").asText()).isEqualTo("UNAVAILABLE");
        assertThat(error.get("code").asText()).isEqualTo("NOT_CAUGHT_UP");
    }

    @Test
    void badReadsAreTyped() throws Exception {
        assertError(send(HttpRequest.newBuilder(uri("/communities?first=0")).GET()), 400, "INVALID_PAGE_SIZE");
        assertError(send(HttpRequest.newBuilder(uri("/communities?first=101")).GET()), 400, "INVALID_PAGE_SIZE");
        assertError(send(HttpRequest.newBuilder(uri("/communities?after=%25%25garbage")).GET()), 400, "INVALID_CURSOR");
        assertError(send(HttpRequest.newBuilder(uri("/communities/nope")).GET()), 404, "UNKNOWN_COMMUNITY");
        assertError(send(HttpRequest.newBuilder(uri("/questions/nope")).GET()), 404, "UNKNOWN_QUESTION");
        assertError(send(HttpRequest.newBuilder(uri("/members/nope")).GET()), 404, "UNKNOWN_MEMBER");
        assertError(send(HttpRequest.newBuilder(uri("/communities/nope/questions")).GET()), 404, "UNKNOWN_COMMUNITY");
        assertError(send(HttpRequest.newBuilder(uri("/members/batch")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("[1,2"))), 400, "MALFORMED_REQUEST");
    }

    @Test
    void pagesStayStableWhileNewQuestionsArrive() throws Exception {
        String community = "c-" + UUID.randomUUID();
        Instant t = Instant.parse("2026-05-01T12:00:00Z");
        append(community, new CommunityCreated(community, "Paging Guild", null, null, "alice", t));
        append(community, new MemberJoinedCommunity(community, "alice", "Alice", CommunityRole.OWNER, "alice", t));
        long position = 0;
        for (int i = 0; i < 5; i++) {
            String q = "q" + i + "-" + community;
            position = append(q, new QuestionAsked(q, community, "Question number " + i + " here", "Body", List.of(), "alice", t.plusSeconds(i)));
        }
        JsonNode first = get("/communities/" + community + "/questions?first=2&minPosition=" + position);
        assertThat(first.at("/items/0/title").asText()).isEqualTo("Question number 4 here");
        assertThat(first.at("/hasNextPage").asBoolean()).isTrue();
        String newer = "q9-" + community;
        position = append(newer, new QuestionAsked(newer, community, "A newer question arrives", "Body", List.of(), "alice", t.plusSeconds(60)));
        JsonNode second = get("/communities/" + community + "/questions?first=2&after=" + first.get("endCursor").asText()
                + "&minPosition=" + position);
        assertThat(second.at("/items/0/title").asText()).isEqualTo("Question number 2 here");
        assertThat(second.at("/items/1/title").asText()).isEqualTo("Question number 1 here");
        assertThat(second.at("/totalCount").asLong()).isEqualTo(6);
    }

    @Test
    void droppingTheReadDatabaseRebuildsTheSameReadModels() throws Exception {
        String community = "c-" + UUID.randomUUID();
        Instant t = Instant.parse("2026-06-01T12:00:00Z");
        append(community, new CommunityCreated(community, "Rebuild Guild", null, null, "rita", t));
        append(community, new MemberJoinedCommunity(community, "rita", "Rita", CommunityRole.OWNER, "rita", t));
        append(community, new MemberJoinedCommunity(community, "chen", "Chen", CommunityRole.MEMBER, "chen", t));
        String q = "q-" + community;
        append(q, new QuestionAsked(q, community, "What survives a rebuild?", "Body", List.of("ops"), "rita", t));
        long position = append(q, new VoteCast(q, q, PostKind.QUESTION, community, "rita", VoteDirection.UP, "chen", t));
        get("/position?minPosition=" + position);
        get("/communities/" + community + "?minPosition=" + position);
        var before = ReadModelDump.of(mongoClient.getDatabase(mongoTemplate.getDb().getName()));

        List<StreamingEventProcessor> processors = processing.eventProcessors().values().stream()
                .map(StreamingEventProcessor.class::cast).toList();
        processors.forEach(StreamingEventProcessor::shutDown);
        mongoTemplate.getDb().drop();
        processors.forEach(StreamingEventProcessor::start);

        get("/communities/" + community + "?minPosition=" + position);
        var after = ReadModelDump.of(mongoClient.getDatabase(mongoTemplate.getDb().getName()));
        assertThat(after).isEqualTo(before);
    }

    private long append(String aggregateId, PraxisEvent event) {
        long sequence = sequences.merge(aggregateId, 0L, (old, zero) -> old + 1);
        storageEngine.appendEvents(new GenericDomainEventMessage<>("test", aggregateId, sequence, event));
        return lastPosition();
    }

    private long lastPosition() {
        try (var connection = stores.postgres().getPostgresDatabase().getConnection();
             var result = connection.createStatement().executeQuery("SELECT max(global_index) FROM domain_event_entry")) {
            result.next();
            return result.getLong(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private void assertError(HttpResponse<String> response, int status, String code) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(JSON.readTree(response.body()).get("code").asText()).isEqualTo(code);
    }

    private JsonNode get(String path) throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri(path)).GET());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private JsonNode post(String path, String body) throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }
}
