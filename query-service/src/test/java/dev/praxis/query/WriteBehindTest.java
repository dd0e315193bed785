package dev.praxis.query;

import static org.assertj.core.api.Assertions.assertThat;




import dev.praxis.query.shared.AppliedEvents;
import dev.praxis.query.shared.PendingWrites;
import dev.praxis.query.community.CommunityProjection;
import dev.praxis.query.member.MemberProjection;
import dev.praxis.query.question.ContentProjection;
import dev.praxis.query.question.QuestionProjection;
import dev.praxis.query.reputation.ReputationProjection;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.bson.Document;


import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;

/**
 * The write-behind of a batch ({@link PendingWrites}) under a real tracking processor: fewer
 * commands, the same read models, and a handler that always reads what it wrote.
 */
class WriteBehindTest {

    /** Write commands (update, insert, delete) per database, as the server received them. */
    private static final CommandCounter writeCommands =
            new CommandCounter(e -> List.of("update", "insert", "delete").contains(e.getCommandName()));

    /** The write commands the database "ahead" received, in order: command and collection. */
    private static final List<String> aheadWrites = Collections.synchronizedList(new ArrayList<>());

    private static final CommandListener recordAhead = new CommandListener() {
        @Override
        public void commandStarted(CommandStartedEvent e) {
            if (e.getDatabaseName().equals("ahead") && List.of("update", "insert").contains(e.getCommandName())) {
                aheadWrites.add(e.getCommandName() + " " + e.getCommand().getString(e.getCommandName()).getValue());
            }
        }
    };

    @RegisterExtension
    static final ProjectionHarness harness = new ProjectionHarness(mongo -> List.of(), writeCommands, recordAhead);

    @Test
    void aBatchSendsFewerWriteCommandsAndLeavesTheSameReadModelsAsWritingEachAtOnce() throws Exception {
        List<EventMessage<?>> events = ProjectionsIdempotencyTest.history();

        MongoTemplate direct = template("direct");
        ProjectionHarness.handleInOrder(projections(direct), events);

        MongoTemplate batched = template("batched");
        runInOneBatch(batched, events, projections(batched));

        assertThat(ReadModelDump.of(batched.getDb())).isEqualTo(ReadModelDump.of(direct.getDb()));
        int one = writeCommands.count("direct");
        int behind = writeCommands.count("batched");
        // a read of a collection sends its pending writes first, so not every collection gets down to one command
        assertThat(behind).as("write commands with the write-behind (%d) against one by one (%d)", behind, one)
                .isLessThan(one / 2);
    }

    @Test
    void aHandlerReadsWhatItWroteEarlierInTheSameBatch() throws Exception {
        MongoTemplate mongo = template("counting");
        List<Integer> seen = Collections.synchronizedList(new ArrayList<>());
        Object counter = new Object() {
            @EventHandler
            void on(String word, EventMessage<?> message) {
                AppliedEvents.upsertOnce(mongo, "counters", "words", message.getIdentifier(), new Update().inc("count", 1));
                PendingWrites.upsert(mongo, org.springframework.data.mongodb.core.query.Query.query(
                        org.springframework.data.mongodb.core.query.Criteria.where("_id").is(word)),
                        new Update().set("seen", true), "words");
                seen.add(mongo.findById("words", Document.class, "counters").getInteger("count"));
            }
        };
        List<EventMessage<?>> words = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            words.add(GenericEventMessage.asEventMessage("word" + i));
        }

        runInOneBatch(mongo, words, List.of(counter));

        List<Integer> expected = new ArrayList<>();
        for (int i = 1; i <= 50; i++) {
            expected.add(i);
        }
        assertThat(seen).containsExactlyElementsOf(expected);
        // the words were never read in the batch: they went after its last event, all of them
        assertThat(mongo.getCollection("words").countDocuments()).isEqualTo(50);
    }

    /**
     * A log written ahead ({@link PendingWrites#insertAhead}) reaches the server before any write of
     * another collection, although that write was made first: when a read sends the other
     * collection's writes mid-batch, and at the batch's end.
     */
    @Test
    void aLogWrittenAheadReachesTheServerBeforeTheWritesMadeBeforeIt() throws Exception {
        MongoTemplate mongo = template("ahead");
        Object decider = new Object() {
            @EventHandler
            void on(String word, EventMessage<?> message) {
                PendingWrites.upsert(mongo, org.springframework.data.mongodb.core.query.Query.query(
                        org.springframework.data.mongodb.core.query.Criteria.where("_id").is(word)),
                        new Update().set("decided", true), "effects");
                PendingWrites.insertAhead(mongo, new Document("_id", message.getIdentifier()).append("word", word), "log");
                if (word.equals("word1")) {
                    mongo.findById("word0", Document.class, "effects"); // sends the effects pending so far
                }
            }
        };
        List<EventMessage<?>> words = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            words.add(GenericEventMessage.asEventMessage("word" + i));
        }

        runInOneBatch(mongo, words, List.of(decider));

        // word0 and word1: sent by the read, the log first; word2 and word3: at the end, the log first
        assertThat(aheadWrites).containsExactly("insert log", "update effects", "insert log", "update effects");
        assertThat(mongo.getCollection("log").countDocuments()).isEqualTo(4);
        assertThat(mongo.getCollection("effects").countDocuments()).isEqualTo(4);
    }

    /**
     * Upserts whose answer the handler needs ({@link PendingWrites#upsert} with an answer) go to the
     * server together, and each learns what it did: inserted, updated, or collided with a document
     * its filter excluded. The answers come in the order the upserts were made, when the batch ends,
     * and what they write still goes with the batch.
     */
    @Test
    void upsertsThatNeedTheirAnswerGoTogetherAndEachLearnsWhatItDid() throws Exception {
        MongoTemplate mongo = template("answered");
        mongo.insert(new Document("_id", "old").append("version", 1), "versions");
        mongo.insert(new Document("_id", "newer").append("version", 9), "versions");
        List<String> answers = Collections.synchronizedList(new ArrayList<>());
        Object versions = new Object() {
            @EventHandler
            void on(String id, EventMessage<?> message) {
                org.springframework.data.mongodb.core.query.Query older = org.springframework.data.mongodb.core.query.Query.query(
                        org.springframework.data.mongodb.core.query.Criteria.where("_id").is(id).and("version").lt(5));
                PendingWrites.upsert(mongo, id, older, new Update().set("version", 5), "versions", answer -> {
                    answers.add(id + " " + answer);
                    PendingWrites.upsert(mongo, org.springframework.data.mongodb.core.query.Query.query(
                            org.springframework.data.mongodb.core.query.Criteria.where("_id").is(id)),
                            new Update().set("answer", answer.name()), "answers");
                });
            }
        };
        int before = writeCommands.count("answered");

        runInOneBatch(mongo, List.of(GenericEventMessage.asEventMessage("fresh"), GenericEventMessage.asEventMessage("old"),
                GenericEventMessage.asEventMessage("newer")), List.of(versions));

        assertThat(answers).containsExactly("fresh INSERTED", "old UPDATED", "newer COLLIDED");
        assertThat(writeCommands.count("answered") - before).as("the three upserts in one command, their answers' writes in one")
                .isEqualTo(2);
        assertThat(mongo.findById("newer", Document.class, "versions").getInteger("version")).isEqualTo(9);
        assertThat(mongo.findById("old", Document.class, "versions").getInteger("version")).isEqualTo(5);
        assertThat(mongo.findById("fresh", Document.class, "answers").getString("answer")).isEqualTo("INSERTED");
    }

    @Test
    void withoutABatchEveryWriteIsSentAtOnce() {
        MongoTemplate mongo = template("outside");
        PendingWrites.upsert(mongo, org.springframework.data.mongodb.core.query.Query.query(
                org.springframework.data.mongodb.core.query.Criteria.where("_id").is("x")), new Update().set("v", 1), "things");
        assertThat(harness.client().getDatabase("outside").getCollection("things").countDocuments()).isEqualTo(1);
    }

    private static List<Object> projections(MongoTemplate mongo) {
        return List.of(new CommunityProjection(mongo), new QuestionProjection(mongo), new MemberProjection(mongo),
                new ContentProjection(mongo), new ReputationProjection(mongo));
    }

    private static MongoTemplate template(String database) {
        harness.client().getDatabase(database).drop();
        return harness.mongo(database);
    }

    /** Every event in one batch of a tracking processor with the delivery horizon. */
    private static void runInOneBatch(MongoTemplate mongo, List<EventMessage<?>> events, List<Object> handlers)
            throws InterruptedException {
        ProjectionHarness.runTracked("batched", mongo, events, handlers, 500);
    }
}
