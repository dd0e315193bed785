package dev.praxis.query.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import dev.praxis.query.ProjectionHarness;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.bson.BsonDocument;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * A batch's updates of one document are folded into one ({@link PendingWrites}, {@link UpdateMerge}),
 * and the server must end with exactly the documents that sending each update on its own leaves:
 * random scripts of updates, upserts, writes by other filters, removals and inserts, run both ways
 * against the embedded MongoDB.
 */
class FoldedWritesTest {

    private static final String COLLECTION = "things";
    /** Update statements the server received per database (one bulk command holds several). */
    private static final AtomicInteger foldedStatements = new AtomicInteger();

    @RegisterExtension
    static final ProjectionHarness harness = new ProjectionHarness(mongo -> List.of(), new CommandListener() {
        @Override
        public void commandStarted(CommandStartedEvent event) {
            BsonDocument command = event.getCommand();
            if (event.getDatabaseName().equals("folded") && event.getCommandName().equals("update")) {
                foldedStatements.addAndGet(command.getArray("updates").size());
            }
        }
    });

    @Test
    void foldedUpdatesLeaveTheDocumentsThatUpdatesOneByOneLeave() {
        int writes = 0;
        foldedStatements.set(0);
        for (int seed = 1; seed <= 300; seed++) {
            MongoTemplate direct = fresh("direct");
            MongoTemplate folded = fresh("folded");
            List<Op> script = script(new Random(seed));
            for (MongoTemplate mongo : List.of(direct, folded)) {
                mongo.insert(new Document("_id", "a").append("n", 1).append("f", 0.7)
                        .append("list", new ArrayList<>(List.of(0))), COLLECTION);
                mongo.insert(new Document("_id", "b").append("x", "b0"), COLLECTION);
            }
            script.forEach(op -> op.direct().accept(direct));
            PendingWrites.open();
            try {
                script.forEach(op -> op.batched().accept(folded));
            } finally {
                PendingWrites.close();
            }
            writes += script.stream().filter(Op::update).count();

            assertThat(all(folded)).as("seed %d: %s", seed, script).isEqualTo(all(direct));
        }
        // without folding every update would be a statement of its own
        assertThat(foldedStatements.get()).as("update statements sent for %d updates", writes).isLessThan(writes * 4 / 5);
    }

    @Test
    void aDocumentsUpdatesInOneBatchReachTheServerAsOne() {
        MongoTemplate mongo = fresh("folded");
        foldedStatements.set(0);
        PendingWrites.open();
        try {
            for (int i = 0; i < 50; i++) {
                PendingWrites.upsert(mongo, query(where("_id").is("community")), new Update().inc("questions", 1)
                        .max("lastActivity", new Date(1_000L * i)).setOnInsert("name", "Rust Guild")
                        .push(AppliedEvents.FIELD).slice(-AppliedEvents.REMEMBERED).each("event-" + i), COLLECTION);
            }
        } finally {
            PendingWrites.close();
        }

        assertThat(foldedStatements.get()).isEqualTo(1);
        Document community = mongo.findById("community", Document.class, COLLECTION);
        assertThat(community.getInteger("questions")).isEqualTo(50);
        assertThat(community.getDate("lastActivity")).isEqualTo(new Date(49_000L));
        assertThat(community.getString("name")).isEqualTo("Rust Guild");
        assertThat(community.getList(AppliedEvents.FIELD, String.class)).hasSize(50).startsWith("event-0").endsWith("event-49");
    }

    /** One write of a script, both as sent at once and as sent with a batch. */
    private record Op(String text, boolean update, Consumer<MongoTemplate> direct, Consumer<MongoTemplate> batched) {
        @Override
        public String toString() {
            return text;
        }
    }

    private static List<Op> script(Random random) {
        List<Op> ops = new ArrayList<>();
        List<String> ids = new ArrayList<>(List.of("a", "b", "c"));
        int length = 4 + random.nextInt(12);
        for (int i = 0; i < length; i++) {
            int kind = random.nextInt(23);
            String id = ids.get(random.nextInt(ids.size()));
            Query byId = query(where("_id").is(id));
            if (kind < 11) {
                Update update = update(random, false);
                ops.add(new Op("update " + id + " " + update.getUpdateObject(), true,
                        m -> m.updateFirst(byId, update, COLLECTION),
                        m -> PendingWrites.updateFirst(m, byId, update, COLLECTION)));
            } else if (kind < 17) {
                Update update = update(random, true);
                ops.add(new Op("upsert " + id + " " + update.getUpdateObject(), true,
                        m -> m.upsert(byId, update, COLLECTION),
                        m -> PendingWrites.upsert(m, byId, update, COLLECTION)));
            } else if (kind == 17) {
                Query some = query(where("n").gte(2));
                Update update = new Update().inc("n", 10).set("x", "multi" + i);
                ops.add(new Op("updateMulti n>=2 " + update.getUpdateObject(), true,
                        m -> m.updateMulti(some, update, COLLECTION),
                        m -> PendingWrites.updateMulti(m, some, update, COLLECTION)));
            } else if (kind == 18 || kind == 19) {
                ops.add(new Op("remove " + id, false,
                        m -> m.remove(byId, COLLECTION),
                        m -> PendingWrites.remove(m, byId, COLLECTION)));
            } else if (kind > 20) {
                // an upsert whose answer the caller waits for: sent on its own
                Update update = update(random, true);
                ops.add(new Op("answered upsert " + id + " " + update.getUpdateObject(), true,
                        m -> m.upsert(byId, update, COLLECTION),
                        m -> PendingWrites.upsert(m, id, byId, update, COLLECTION, answer -> { })));
            } else {
                String inserted = "i" + i;
                ids.add(inserted);
                ops.add(new Op("insert " + inserted, false,
                        m -> m.insert(new Document("_id", inserted).append("n", 5), COLLECTION),
                        m -> PendingWrites.insertAhead(m, new Document("_id", inserted).append("n", 5), COLLECTION)));
            }
        }
        return ops;
    }

    /** One to three operators on distinct paths, some that fold and some that do not. */
    private static Update update(Random random, boolean upsert) {
        Update update = new Update();
        List<String> used = new ArrayList<>();
        int parts = 1 + random.nextInt(3);
        for (int p = 0; p < parts; p++) {
            int choice = random.nextInt(upsert ? 15 : 14);
            String path = switch (choice) {
                case 0, 1 -> "n";
                case 2 -> "m";
                case 3 -> "x";
                case 4 -> "y";
                case 5 -> "f";
                case 6, 7 -> "d";
                case 8, 9 -> "list";
                case 10 -> "tags";
                case 11 -> "obj.a";
                case 12 -> "obj";
                case 13 -> "when";
                default -> "created";
            };
            if (used.stream().anyMatch(u -> u.equals(path) || u.startsWith(path + ".") || path.startsWith(u + "."))) {
                continue;
            }
            used.add(path);
            switch (choice) {
                case 0 -> update.inc("n", 1 + random.nextInt(3));
                case 1 -> update.inc("n", (long) Integer.MAX_VALUE + random.nextInt(3));
                case 2 -> update.set("m", random.nextInt(100));
                case 3 -> update.set("x", "x" + random.nextInt(5));
                case 4 -> {
                    if (random.nextBoolean()) {
                        update.unset("y");
                    } else {
                        update.set("y", random.nextInt(4));
                    }
                }
                case 5 -> update.inc("f", 0.1 * (1 + random.nextInt(3)));
                case 6 -> update.max("d", random.nextInt(10));
                case 7 -> update.min("d", random.nextInt(10));
                case 8 -> {
                    int kind = random.nextInt(4);
                    if (kind == 0) {
                        update.push("list", random.nextInt(9));
                    } else if (kind == 1) {
                        update.push("list").slice(-3).each(random.nextInt(9), random.nextInt(9));
                    } else if (kind == 2) {
                        update.push("list").slice(2).each(random.nextInt(9));
                    } else {
                        update.pull("list", random.nextInt(3));
                    }
                }
                case 9 -> update.push("list").each(random.nextInt(9));
                case 10 -> update.addToSet("tags").each("t" + random.nextInt(3), "t" + random.nextInt(3));
                case 11 -> update.set("obj.a", random.nextInt(5));
                case 12 -> update.set("obj", new Document("a", 0).append("b", random.nextInt(3)));
                case 13 -> update.max("when", new Date(random.nextInt(5) * 1000L));
                default -> update.setOnInsert("created", random.nextInt(5));
            }
        }
        if (used.isEmpty()) {
            update.set("x", "fallback");
        }
        return update;
    }

    private static MongoTemplate fresh(String database) {
        harness.client().getDatabase(database).drop();
        return harness.mongo(database);
    }

    private static List<Document> all(MongoTemplate mongo) {
        return mongo.find(new Query().with(Sort.by("_id")), Document.class, COLLECTION);
    }
}
