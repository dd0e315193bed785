package dev.praxis.query.replay;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import dev.praxis.query.TestStores;
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
import dev.praxis.query.ReadModelDump;
import dev.praxis.query.consistency.ProjectionProgress;
import dev.praxis.query.reputation.ReputationProjection;
import dev.praxis.query.shared.AppliedEvents;
import dev.praxis.query.shared.DeliveryHorizon;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.bson.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Blue/green replays and the reputation comparison, on the whole query service against a real event
 * store (embedded PostgreSQL) and the embedded MongoDB server, over real HTTP. Replays are slowed to
 * {@value #RATE} events per second, in batches of 10, so that the test can watch them build while the
 * old read models answer: a batch's writes reach the new generation together, at its end.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "praxis.query.consistency-timeout=3s",
        "praxis.query.replay.max-events-per-second=" + ReplayTest.RATE,
        "praxis.query.replay.batch-size=10",
        "praxis.query.replay.control-ttl=100ms",
        "praxis.query.replay.retire-after=3s"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReplayTest {

    static final int RATE = 100;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> REPUTATION_COLLECTIONS = List.of("reputation_counters", "reputation_history",
            "reputation_inputs", "reputation_leaderboard", "reputation_rule_versions", "reputation_rules",
            "reputation_thread_tags", "reputation_thresholds", "reputation_totals", "reputation_vote_days",
            "reputation_causes");

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
    ProjectionProgress progress;
    @Autowired
    MongoClient mongoClient;

    private final HttpClient http = HttpClient.newHttpClient();
    private final Map<String, Long> sequences = new HashMap<>();
    private final String community = "c-" + UUID.randomUUID();
    private long lastPosition;

    /**
     * A community under Stack Overflow's rules: bob's answer is upvoted once and downvoted twice
     * (by carol and dave), eve's question is upvoted by 25 members on one day (over the daily cap
     * of 200), alice accepts bob's answer, and 30 filler questions get an upvote each.
     */
    @BeforeAll
    void history() throws Exception {
        Instant t = Instant.parse("2026-03-02T09:00:00Z");
        append(community, new CommunityCreated(community, "Replay Guild", null, null, "alice", t));
        append(community, new MemberJoinedCommunity(community, "alice", "Alice", CommunityRole.OWNER, "alice", t));
        append(community, new MemberJoinedCommunity(community, "mo", "Mo", CommunityRole.MODERATOR, "mo", t));
        for (String member : List.of("bob", "carol", "dave", "eve")) {
            append(community, new MemberJoinedCommunity(community, member, member, CommunityRole.MEMBER, member, t));
        }
        String q = "q-" + community;
        append(q, new QuestionAsked(q, community, "How do we replay a projection?", "Body", List.of("ops"), "alice", t));
        append(q, new AnswerPosted(q, "a-bob", community, "Blue and green.", "bob", t));
        append(q, new VoteCast(q, "a-bob", PostKind.ANSWER, community, "bob", VoteDirection.UP, "alice", t));
        String carols = "qc-" + community;
        append(carols, new QuestionAsked(carols, community, "What is a tracking token?", "Body", List.of("axon"), "carol", t));
        append(carols, new VoteCast(carols, carols, PostKind.QUESTION, community, "carol", VoteDirection.UP, "dave", t));
        append(q, new VoteCast(q, "a-bob", PostKind.ANSWER, community, "bob", VoteDirection.DOWN, "carol", t.plusSeconds(60)));
        append(q, new VoteCast(q, "a-bob", PostKind.ANSWER, community, "bob", VoteDirection.DOWN, "dave", t.plusSeconds(60)));
        append(q, new AnswerAccepted(q, "a-bob", community, "bob", "alice", t.plusSeconds(120)));
        String eves = "qe-" + community;
        append(eves, new QuestionAsked(eves, community, "Why cap votes per day?", "Body", List.of("meta"), "eve", t));
        for (int i = 0; i < 25; i++) {
            append(eves, new VoteCast(eves, eves, PostKind.QUESTION, community, "eve", VoteDirection.UP, "voter" + i,
                    t.plusSeconds(200 + i)));
        }
        for (int i = 0; i < 30; i++) {
            String filler = "qf" + i + "-" + community;
            append(filler, new QuestionAsked(filler, community, "Filler question number " + i, "Body", List.of("filler"),
                    "filler" + (i % 7), t.plusSeconds(300 + i)));
            append(filler, new VoteCast(filler, filler, PostKind.QUESTION, community, "filler" + (i % 7), VoteDirection.UP,
                    "alice", t.plus(Duration.ofDays(1 + i / 10)).plusSeconds(i)));
        }
        assertThat(progress.awaitProcessed(lastPosition, Duration.ofSeconds(240))).as("the projections caught up").isTrue();
    }

    // ---- the rules-version comparison: issue 6, "it must show" 5 ----

    @Test
    @Order(1)
    void theComparisonShowsEachMembersDifferenceBetweenTheStackOverflowAndTeamPresets() throws Exception {
        Map<String, Document> totalsBefore = dumpPhysical().get("reputation_totals").stream()
                .collect(Collectors.toMap(d -> d.getString("_id"), d -> d));

        JsonNode page = get(comparison("preset=TEAM&first=100&viewer=alice"));
        Map<String, int[]> rows = new LinkedHashMap<>();
        page.get("items").forEach(row -> rows.put(row.get("memberId").asText(),
                new int[] {row.get("current").asInt(), row.get("proposed").asInt(), row.get("difference").asInt()}));
        // eve: 25 upvotes on one day, capped at 200 under Stack Overflow, 250 under the team's cap of 400
        assertThat(rows).as(page.toString()).containsKeys("eve", "bob", "carol", "alice");
        assertThat(rows.get("eve")).containsExactly(1 + 200, 1 + 250, 50);
        // bob: +10 up, -2 -2 down, +15 accepted; downvotes cost nothing for a team
        assertThat(rows.get("bob")).containsExactly(1 + 10 - 4 + 15, 1 + 10 + 15, 4);
        // carol: +10 for her question, -1 for downvoting an answer (free for a team)
        assertThat(rows.get("carol")).containsExactly(1 + 10 - 1, 1 + 10, 1);
        // dave: the -1 for his downvote is cut to what the floor of 1 leaves, nothing: no figure to compare
        assertThat(rows).doesNotContainKey("dave");
        assertThat(rows.get("alice")).containsExactly(1 + 2, 1 + 2, 0);
        assertThat(rows.get("filler0")[2]).isZero();
        assertThat(List.copyOf(rows.keySet()).subList(0, 4)).containsExactly("eve", "bob", "carol", "alice")
                .as("largest difference first, ties by member id");
        assertThat(page.get("totalCount").asInt()).isEqualTo(rows.size());

        // under the rules in force (Stack Overflow's) nothing differs
        JsonNode same = get(comparison("preset=STACK_OVERFLOW&first=100&viewer=mo"));
        same.get("items").forEach(row -> assertThat(row.get("difference").asInt()).as(row.toString()).isZero());
        // single values on top of a preset
        JsonNode cheaperAccept = get(comparison("preset=STACK_OVERFLOW&rule=ANSWER_ACCEPTED:5&rule=ACCEPTOR:0&first=2&viewer=alice"));
        assertThat(cheaperAccept.at("/items/0/memberId").asText()).isEqualTo("bob");
        assertThat(cheaperAccept.at("/items/0/difference").asInt()).isEqualTo(-10);
        assertThat(cheaperAccept.at("/items/1/memberId").asText()).isEqualTo("alice");
        assertThat(cheaperAccept.at("/items/1/difference").asInt()).isEqualTo(-2);
        // pages follow the order
        JsonNode first = get(comparison("preset=TEAM&first=2&viewer=alice"));
        assertThat(first.at("/hasNextPage").asBoolean()).isTrue();
        JsonNode second = get(comparison("preset=TEAM&first=2&viewer=alice&after=" + first.get("endCursor").asText()));
        assertThat(second.at("/items/0/memberId").asText()).isEqualTo("carol");
        assertThat(second.at("/items/1/memberId").asText()).isEqualTo("alice");
        // an auditor may look; nothing changed
        assertThat(get(comparison("preset=TEAM&first=1&viewerRole=auditor")).at("/items/0/memberId").asText()).isEqualTo("eve");
        Map<String, Document> totalsAfter = dumpPhysical().get("reputation_totals").stream()
                .collect(Collectors.toMap(d -> d.getString("_id"), d -> d));
        assertThat(totalsAfter).isEqualTo(totalsBefore);
    }

    @Test
    @Order(2)
    void theComparisonIsForModeratorsAndAuditorsAndRefusesBadRules() throws Exception {
        assertError(send(request(comparison("preset=TEAM&viewer=bob")).GET()), 403, "NOT_A_MODERATOR");
        assertError(send(request(comparison("preset=TEAM")).GET()), 403, "NOT_A_MODERATOR");
        assertError(send(request("/communities/nope/reputation-comparison?preset=TEAM&viewer=alice").GET()), 404,
                "UNKNOWN_COMMUNITY");
        assertError(send(request("/communities/nope/reputation-comparison?preset=TEAM&viewerRole=auditor").GET()), 404,
                "UNKNOWN_COMMUNITY");
        assertError(send(request(comparison("rule=NOPE:3&viewer=alice")).GET()), 400, "INVALID_RULE");
        assertError(send(request(comparison("rule=EDIT&viewer=alice")).GET()), 400, "INVALID_RULE");
        assertError(send(request(comparison("rule=DOWNVOTE_RECEIVED:5&viewer=alice")).GET()), 400, "RULE_OUT_OF_RANGE");
        assertError(send(request(comparison("preset=GENEROUS&viewer=alice")).GET()), 400, "MALFORMED_REQUEST");
        assertError(send(request(comparison("first=0&viewer=alice")).GET()), 400, "INVALID_PAGE_SIZE");
        assertError(send(request(comparison("after=%25%25&viewer=alice")).GET()), 400, "INVALID_CURSOR");
    }

    // ---- blue/green replays ----

    @Test
    @Order(3)
    void badReplayRequestsAreRefusedAndChangeNothing() throws Exception {
        assertError(post("/replays", "{\"projections\": [\"search\"]}"), 400, "PROJECTION_NOT_REPLAYABLE");
        assertError(post("/replays", "{\"projections\": [\"reputation\", \"nope\"]}"), 400, "UNKNOWN_PROJECTION");
        assertError(send(request("/replays/nope").GET()), 404, "UNKNOWN_REPLAY");
        assertThat(get("/replays")).isEmpty();
        assertThat(mongoClient.getDatabase("praxis").getCollection(Generations.CONTROL).find().first()).isNull();
        assertThat(JSON.convertValue(get("/replays/projections"), List.class))
                .contains("reputation", "questions", "feeds").doesNotContain("search");
    }

    @Test
    @Order(4)
    void aReplayOfOneProjectionBuildsBesideTheLiveOneSwitchesOverAndLeavesTheOthersAlone() throws Exception {
        Map<String, List<Document>> before = dumpPhysical();
        JsonNode bobBefore = get("/members/bob");
        JsonNode boardBefore = get("/communities/" + community + "/leaderboard?first=5");
        assertThat(bobBefore.at("/reputation").asInt()).isEqualTo(1 + 10 - 4 + 15);

        HttpResponse<String> started = post("/replays", "{\"projections\": [\"reputation\"]}");
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        JsonNode replay = JSON.readTree(started.body());
        String id = replay.get("id").asText();
        assertThat(replay.get("state").asText()).isEqualTo("BUILDING");
        assertThat(replay.get("projections")).hasSize(1);
        int generation = replay.get("generation").asInt();
        assertThat(generation).isPositive();
        // one replay at a time
        assertError(post("/replays", "{\"projections\": [\"questions\"]}"), 409, "REPLAY_RUNNING");

        List<JsonNode> samples = new ArrayList<>();
        boolean sawPartialNewGeneration = false;
        boolean othersRan = true;
        long newVotePosition = -1;
        Map<String, List<Document>> othersAfterTheNewVote = null;
        String bobsAnswerQuestion = "q-" + community;
        JsonNode status = get("/replays/" + id);
        while (!status.get("state").asText().equals("DONE") && !status.get("state").asText().equals("FAILED")) {
            if (status.get("state").asText().equals("BUILDING")) {
                samples.add(status);
                // the old read models answer, and the live processor keeps them current
                if (newVotePosition < 0) {
                    assertThat(get("/members/bob")).isEqualTo(bobBefore);
                    assertThat(get("/communities/" + community + "/leaderboard?first=5")).isEqualTo(boardBefore);
                }
                // the new generation grows batch by batch (its inputs' log too, ahead of the batch's other writes)
                long partial = physical("reputation_inputs", generation).countDocuments();
                sawPartialNewGeneration |= partial > 0 && partial < physical("reputation_inputs", 0).countDocuments();
                if (newVotePosition < 0 && samples.size() == 3) {
                    newVotePosition = append(bobsAnswerQuestion, new VoteCast(bobsAnswerQuestion, "a-bob", PostKind.ANSWER,
                            community, "bob", VoteDirection.UP, "eve", Instant.parse("2026-03-20T10:00:00Z")));
                    assertThat(get("/members/bob?minPosition=" + newVotePosition).at("/reputation").asInt())
                            .as("the live processor projects a new event into the old generation during the replay")
                            .isEqualTo(bobBefore.at("/reputation").asInt() + 10);
                    othersAfterTheNewVote = withoutGeneration(dumpPhysical(), "reputation");
                }
                othersRan &= processing.eventProcessors().entrySet().stream()
                        .filter(e -> !e.getKey().equals("reputation"))
                        .allMatch(e -> ((StreamingEventProcessor) e.getValue()).isRunning());
            }
            Thread.sleep(150);
            status = get("/replays/" + id);
        }
        assertThat(status.get("state").asText()).as(status.toString()).isEqualTo("DONE");
        assertThat(sawPartialNewGeneration).as("the new generation was being built while the old one answered").isTrue();
        assertThat(othersRan).isTrue();

        // progress: moving, sane
        assertThat(samples).hasSizeGreaterThanOrEqualTo(5);
        long previous = -1;
        int moved = 0;
        for (JsonNode sample : samples) {
            long done = sample.get("eventsDone").asLong();
            long total = sample.get("eventsTotal").asLong();
            assertThat(done).isBetween(0L, total);
            assertThat(done).isGreaterThanOrEqualTo(previous);
            moved += done > previous ? 1 : 0;
            previous = done;
            double rate = sample.get("eventsPerSecond").asDouble();
            assertThat(rate).as(sample.toString()).isBetween(0.0, RATE * 2.0);
            if (rate > 0) {
                long left = sample.get("secondsLeft").asLong();
                assertThat(left).as(sample.toString()).isBetween(0L, (long) Math.ceil((total - done) / rate) + 1);
            }
        }
        assertThat(moved).as("eventsDone moved between samples").isGreaterThanOrEqualTo(3);
        assertThat(samples.stream().mapToDouble(s -> s.get("eventsPerSecond").asDouble()).max().orElse(0))
                .as("a rate was measured (this machine may be far slower than the pace)").isGreaterThan(0.0);
        assertThat(status.get("eventsDone").asLong()).isEqualTo(status.get("eventsTotal").asLong());
        assertThat(status.get("position").asLong()).isGreaterThanOrEqualTo(newVotePosition);
        assertThat(status.get("secondsLeft").asLong()).isZero();

        // switched: the control document names the new generation and the collections the reset handler touched
        Document control = mongoClient.getDatabase("praxis").getCollection(Generations.CONTROL).find().first();
        Document live = control.get("groups", Document.class).get("reputation", Document.class);
        assertThat(live.getInteger("generation")).isEqualTo(generation);
        assertThat(live.getList("collections", String.class)).containsExactlyInAnyOrderElementsOf(REPUTATION_COLLECTIONS);
        assertThat(control.get("groups", Document.class).keySet()).containsExactly("reputation");
        assertThat(control.get("running")).isNull();

        // the new models equal the old ones (frozen at the switch) ...
        Map<String, List<Document>> afterSwitch = dumpPhysical();
        Map<String, List<Document>> oldGeneration = ofGeneration(afterSwitch, REPUTATION_COLLECTIONS, 0);
        Map<String, List<Document>> newGeneration = ofGeneration(afterSwitch, REPUTATION_COLLECTIONS, generation);
        assertThat(newGeneration.keySet()).contains("reputation_totals", "reputation_inputs", "reputation_history");
        assertThat(newGeneration).isEqualTo(oldGeneration);
        // ... and a rebuild from scratch
        assertThat(newGeneration).isEqualTo(rebuiltFromScratch());
        // the other projections were left alone: same collections, same documents, no new generation
        assertThat(othersAfterTheNewVote).isNotNull();
        Map<String, List<Document>> othersNow = withoutGeneration(dumpPhysical(), "reputation");
        othersNow.keySet().forEach(name -> assertThat(name).doesNotContain("__g"));
        assertThat(withoutGeneration(before, "reputation").keySet()).isEqualTo(othersNow.keySet());
        assertThat(othersNow).isEqualTo(othersAfterTheNewVote);
        // queries answer from the new generation, as before
        assertThat(get("/members/bob").at("/reputation").asInt()).isEqualTo(bobBefore.at("/reputation").asInt() + 10);
        // the live processor runs on: a new event lands in the new generation
        long later = append(bobsAnswerQuestion, new VoteCast(bobsAnswerQuestion, "a-bob", PostKind.ANSWER, community, "bob",
                VoteDirection.UP, "mo", Instant.parse("2026-03-21T10:00:00Z")));
        assertThat(get("/members/bob?minPosition=" + later).at("/reputation").asInt())
                .isEqualTo(bobBefore.at("/reputation").asInt() + 20);
        assertThat(physical("reputation_totals", generation).find(new Document("_id", community + "|bob")).first()
                .getInteger("total")).isEqualTo(bobBefore.at("/reputation").asInt() + 20);

        // the old generation is dropped a while after the switch
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (mongoClient.getDatabase("praxis").listCollectionNames().into(new ArrayList<>()).contains("reputation_totals")
                && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        List<String> names = mongoClient.getDatabase("praxis").listCollectionNames().into(new ArrayList<>());
        assertThat(names).doesNotContain("reputation_totals", "reputation_inputs")
                .contains(Generations.physical("reputation_totals", generation));
        assertThat(names).noneMatch(name -> name.startsWith("replay-"));
        assertThat(replayTokenHolders(generation)).isEmpty();
    }

    @Test
    @Order(5)
    void aReplayOfEveryProjectionRebuildsTheSameReadModels() throws Exception {
        Map<String, List<Document>> before = logical(dumpPhysical());
        JsonNode questionBefore = get("/questions/q-" + community);
        HttpResponse<String> started = post("/replays", "");
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        JsonNode replay = JSON.readTree(started.body());
        assertThat(JSON.convertValue(replay.get("projections"), List.class)).contains("reputation", "questions", "feeds",
                "knowledge", "notifications", "badges").doesNotContain("search");
        // the projections are shared by two replay processors (praxis.query.replay.threads), each with its token
        int generation = replay.get("generation").asInt();
        Set<String> holders = new TreeSet<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (holders.size() < 2 && System.nanoTime() < deadline) {
            holders.addAll(replayTokenHolders(generation));
            Thread.sleep(50);
        }
        assertThat(holders).containsExactly("replay-" + generation + "-1", "replay-" + generation + "-2");
        JsonNode status = awaitEnd(replay.get("id").asText());
        assertThat(status.get("state").asText()).as(status.toString()).isEqualTo("DONE");
        Map<String, List<Document>> after = logical(dumpPhysical());
        assertThat(after.keySet()).isEqualTo(before.keySet());
        for (String collection : before.keySet()) {
            assertThat(after.get(collection)).as(collection).isEqualTo(before.get(collection));
        }
        assertThat(get("/questions/q-" + community)).isEqualTo(questionBefore);
        // a third replay may start now that the second is done
        HttpResponse<String> third = post("/replays", "{\"projections\": [\"tags\"]}");
        assertThat(third.statusCode()).isEqualTo(202);
        assertThat(awaitEnd(JSON.readTree(third.body()).get("id").asText()).get("state").asText()).isEqualTo("DONE");
    }

    // ---- helpers ----

    /** The replay processors of a generation that hold a token. */
    private List<String> replayTokenHolders(int generation) {
        return mongoClient.getDatabase("praxis").getCollection("tracking_tokens")
                .distinct("processorName", new Document("processorName",
                        new Document("$regex", "^replay-" + generation + "(-|$)")), String.class)
                .into(new ArrayList<>());
    }

    private JsonNode awaitEnd(String id) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(240).toNanos();
        JsonNode status = get("/replays/" + id);
        while (Set.of("BUILDING", "SWITCHING").contains(status.get("state").asText()) && System.nanoTime() < deadline) {
            Thread.sleep(200);
            status = get("/replays/" + id);
        }
        return status;
    }

    private String comparison(String parameters) {
        return "/communities/" + community + "/reputation-comparison?" + parameters;
    }

    /** The reputation projection run over every stored event into an empty database. */
    private Map<String, List<Document>> rebuiltFromScratch() throws Exception {
        MongoDatabase scratch = mongoClient.getDatabase("scratch-" + UUID.randomUUID());
        AnnotationEventHandlerAdapter adapter = new AnnotationEventHandlerAdapter(
                new ReputationProjection(new MongoTemplate(mongoClient, scratch.getName())));
        List<EventMessage<?>> events = storageEngine.readEvents(null, false).collect(Collectors.toList());
        for (EventMessage<?> event : events) {
            if (adapter.canHandle(event)) {
                adapter.handle(event);
            }
        }
        Map<String, List<Document>> dump = new TreeMap<>();
        for (String name : scratch.listCollectionNames()) {
            List<Document> documents = documents(scratch, name);
            if (!documents.isEmpty()) {
                dump.put(name, documents);
            }
        }
        return dump;
    }

    /** Every collection of the read database under its physical name, without bookkeeping. */
    private Map<String, List<Document>> dumpPhysical() {
        MongoDatabase database = mongoClient.getDatabase("praxis");
        Map<String, List<Document>> dump = new TreeMap<>();
        for (String name : database.listCollectionNames()) {
            if (Set.of("tracking_tokens", "query_instances", DeliveryHorizon.COLLECTION, Generations.CONTROL, Replays.REPLAYS).contains(name)
                    || name.startsWith("system.")) {
                continue;
            }
            List<Document> documents = documents(database, name);
            if (!documents.isEmpty()) {
                dump.put(name, documents);
            }
        }
        return dump;
    }

    private static List<Document> documents(MongoDatabase database, String name) {
        List<Document> documents = new ArrayList<>();
        database.getCollection(name).find().sort(new Document("_id", 1)).forEach(d -> {
            d.remove(AppliedEvents.FIELD);
            documents.add(d);
        });
        ReadModelDump.comparableOrderNumbers(name, documents);
        return documents;
    }

    /** The live read models under their logical names (as the control document routes them). */
    private Map<String, List<Document>> logical(Map<String, List<Document>> physical) {
        Document control = mongoClient.getDatabase("praxis").getCollection(Generations.CONTROL).find().first();
        Map<String, Integer> generations = new HashMap<>();
        if (control != null) {
            control.get("groups", Document.class).values().forEach(value -> {
                Document live = (Document) value;
                live.getList("collections", String.class).forEach(c -> generations.put(c, live.getInteger("generation")));
            });
        }
        Map<String, List<Document>> dump = new TreeMap<>();
        physical.forEach((name, documents) -> {
            String logical = name.contains("__g") ? name.substring(0, name.indexOf("__g")) : name;
            if (Generations.physical(logical, generations.getOrDefault(logical, 0)).equals(name)) {
                dump.put(logical, documents);
            }
        });
        return dump;
    }

    private static Map<String, List<Document>> ofGeneration(Map<String, List<Document>> dump, List<String> collections,
                                                            int generation) {
        Map<String, List<Document>> of = new TreeMap<>();
        for (String collection : collections) {
            List<Document> documents = dump.get(Generations.physical(collection, generation));
            if (documents != null) {
                of.put(collection, documents);
            }
        }
        return of;
    }

    private static Map<String, List<Document>> withoutGeneration(Map<String, List<Document>> dump, String prefix) {
        Map<String, List<Document>> others = new TreeMap<>(dump);
        others.keySet().removeIf(name -> name.startsWith(prefix + "_"));
        return others;
    }

    private com.mongodb.client.MongoCollection<Document> physical(String collection, int generation) {
        return mongoClient.getDatabase("praxis").getCollection(Generations.physical(collection, generation));
    }

    private long append(String aggregateId, PraxisEvent event) {
        long sequence = sequences.merge(aggregateId, 0L, (old, zero) -> old + 1);
        storageEngine.appendEvents(new GenericDomainEventMessage<>("test", aggregateId, sequence, event));
        try (var connection = stores.postgres().getPostgresDatabase().getConnection();
             var result = connection.createStatement().executeQuery("SELECT max(global_index) FROM domain_event_entry")) {
            result.next();
            lastPosition = result.getLong(1);
            return lastPosition;
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private void assertError(HttpResponse<String> response, int status, String code) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(JSON.readTree(response.body()).get("code").asText()).isEqualTo(code);
    }

    private JsonNode get(String path) throws Exception {
        HttpResponse<String> response = send(request(path).GET());
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private HttpResponse<String> post(String path, String body) throws Exception {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
