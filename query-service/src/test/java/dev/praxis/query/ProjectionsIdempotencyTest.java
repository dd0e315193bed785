package dev.praxis.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import dev.praxis.api.community.CommunityCreated;
import dev.praxis.api.community.CommunityRole;
import dev.praxis.api.community.MemberJoinedCommunity;
import dev.praxis.api.question.AnswerAccepted;
import dev.praxis.api.question.AnswerAcceptanceWithdrawn;
import dev.praxis.api.question.AnswerEndorsed;
import dev.praxis.api.question.AnswerPosted;
import dev.praxis.api.question.PostKind;
import dev.praxis.api.question.QuestionAsked;
import dev.praxis.api.question.VoteCast;
import dev.praxis.api.question.VoteDirection;
import dev.praxis.query.community.CommunityProjection;
import dev.praxis.query.member.MemberProjection;
import dev.praxis.query.question.QuestionProjection;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Every projection handler is idempotent: delivering each event twice, or the whole stream twice,
 * leaves the same read models as delivering it once. The events go through Axon's own handler
 * dispatch into the real projections, on the embedded MongoDB server.
 */
class ProjectionsIdempotencyTest {

    private static MongoServer server;
    private static MongoClient client;

    @BeforeAll
    static void startMongo() {
        server = new MongoServer(new MemoryBackend());
        InetSocketAddress address = server.bind();
        client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort());
    }

    @AfterAll
    static void stopMongo() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void deliveringEveryEventTwiceChangesNothing() throws Exception {
        List<EventMessage<?>> events = history();

        Map<String, List<Document>> once = project("once", events);
        List<EventMessage<?>> eachTwice = new ArrayList<>();
        events.forEach(e -> {
            eachTwice.add(e);
            eachTwice.add(e);
        });
        Map<String, List<Document>> twice = project("each_twice", eachTwice);
        List<EventMessage<?>> streamTwice = new ArrayList<>(events);
        streamTwice.addAll(events);
        Map<String, List<Document>> replayed = project("stream_twice", streamTwice);

        assertThat(twice).isEqualTo(once);
        assertThat(replayed).isEqualTo(once);
    }

    @Test
    void theReadModelsHoldWhatTheEventsSay() throws Exception {
        Map<String, List<Document>> models = project("expected", history());

        Document question = models.get("questions").get(0);
        assertThat(question.getInteger("score")).isEqualTo(1);
        assertThat(question.getInteger("answerCount")).isEqualTo(2);
        assertThat(question.getString("acceptedAnswerId")).isEqualTo("a2");
        Document a1 = models.get("answers").get(0);
        Document a2 = models.get("answers").get(1);
        assertThat(a1.getBoolean("accepted")).isFalse();
        assertThat(a1.getInteger("score")).isEqualTo(-1);
        assertThat(a2.getBoolean("accepted")).isTrue();
        assertThat(a2.getList("endorsements", Document.class)).hasSize(1);
        Document community = models.get("communities").get(0);
        assertThat(community.getLong("memberCount")).isEqualTo(3);
        assertThat(community.getLong("questionCount")).isEqualTo(1);
        // alice: +10 question upvote; bob: -2 downvote on a1 (+15 then -15 for the moved acceptance); chen: +15 accepted
        Map<String, Long> points = new java.util.HashMap<>();
        models.get("members").forEach(m -> points.put(m.getString("_id"), m.getLong("points")));
        assertThat(points).containsEntry("alice", 10L).containsEntry("bob", -2L).containsEntry("chen", 15L);
    }

    private Map<String, List<Document>> project(String database, List<EventMessage<?>> events) throws Exception {
        client.getDatabase(database).drop();
        MongoTemplate mongo = new MongoTemplate(client, database);
        List<AnnotationEventHandlerAdapter> projections = List.of(
                new AnnotationEventHandlerAdapter(new CommunityProjection(mongo)),
                new AnnotationEventHandlerAdapter(new QuestionProjection(mongo)),
                new AnnotationEventHandlerAdapter(new MemberProjection(mongo)));
        for (EventMessage<?> event : events) {
            for (AnnotationEventHandlerAdapter projection : projections) {
                if (projection.canHandle(event)) {
                    projection.handle(event);
                }
            }
        }
        return ReadModelDump.of(client.getDatabase(database));
    }

    private static List<EventMessage<?>> history() {
        Instant t = Instant.parse("2026-03-01T10:00:00Z");
        return List.of(
                GenericEventMessage.asEventMessage(new CommunityCreated("c1", "Java Practitioners", "JVM", null, "alice", t)),
                GenericEventMessage.asEventMessage(new MemberJoinedCommunity("c1", "alice", "Alice", CommunityRole.OWNER, "alice", t)),
                GenericEventMessage.asEventMessage(new MemberJoinedCommunity("c1", "bob", "Bob", CommunityRole.MEMBER, "bob", t.plusSeconds(1))),
                GenericEventMessage.asEventMessage(new MemberJoinedCommunity("c1", "chen", "Chen", CommunityRole.MEMBER, "chen", t.plusSeconds(2))),
                GenericEventMessage.asEventMessage(new QuestionAsked("q1", "c1", "How do I rebuild a projection?", "Body", List.of("axon"), "alice", t.plusSeconds(3))),
                GenericEventMessage.asEventMessage(new AnswerPosted("q1", "a1", "c1", "Reset the tokens.", "bob", t.plusSeconds(4))),
                GenericEventMessage.asEventMessage(new AnswerPosted("q1", "a2", "c1", "Replay with a reset handler.", "chen", t.plusSeconds(5))),
                GenericEventMessage.asEventMessage(new VoteCast("q1", "q1", PostKind.QUESTION, "c1", "alice", VoteDirection.UP, "bob", t.plusSeconds(6))),
                GenericEventMessage.asEventMessage(new VoteCast("q1", "a1", PostKind.ANSWER, "c1", "bob", VoteDirection.DOWN, "chen", t.plusSeconds(7))),
                GenericEventMessage.asEventMessage(new AnswerAccepted("q1", "a1", "c1", "bob", "alice", t.plusSeconds(8))),
                GenericEventMessage.asEventMessage(new AnswerAcceptanceWithdrawn("q1", "a1", "c1", "bob", "alice", t.plusSeconds(9))),
                GenericEventMessage.asEventMessage(new AnswerAccepted("q1", "a2", "c1", "chen", "alice", t.plusSeconds(9))),
                GenericEventMessage.asEventMessage(new AnswerEndorsed("q1", "a2", "c1", "chen", "Verified", "bob", t.plusSeconds(10))));
    }
}
