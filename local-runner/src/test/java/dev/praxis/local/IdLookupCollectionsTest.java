package dev.praxis.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.memory.MemoryDatabase;
import de.bwaldvogel.mongo.backend.memory.index.MemoryUniqueIndex;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The embedded MongoDB's collections look documents up by {@code _id} through the index also when a
 * filter asks more, and answer exactly what a scan would: the whole filter still has to hold. The
 * filters are written as documents, the way Spring Data sends a criteria on several fields (the
 * driver's {@code Filters.and} would send an {@code $and} instead).
 */
class IdLookupCollectionsTest {

    @TempDir
    Path dataDir;

    @ParameterizedTest(name = "on disk: {0}")
    @ValueSource(booleans = {true, false})
    void aFilterOnIdAndMoreFindsWhatTheWholeFilterMatches(boolean onDisk) {
        try (LocalSystem system = LocalSystem.start(LocalConfig.builder(dataDir).storesOnly().mongoOnDisk(onDisk).build());
             MongoClient mongo = MongoClients.create(system.mongoUri())) {
            MongoCollection<Document> posts = mongo.getDatabase("praxis").getCollection("posts");
            posts.insertMany(List.of(
                    new Document("_id", "q1").append("tag", "java").append("version", 1),
                    new Document("_id", "q2").append("tag", "kotlin").append("version", 1),
                    new Document("_id", "q3").append("tag", "java").append("version", 2)));

            assertThat(ids(posts, new Document("_id", "q1").append("tag", "java"))).containsExactly("q1");
            assertThat(ids(posts, new Document("_id", "q1").append("tag", "kotlin"))).isEmpty();
            assertThat(ids(posts, new Document("_id", "q9").append("tag", "java"))).isEmpty();
            assertThat(ids(posts, new Document("_id", new Document("$in", List.of("q1", "q2", "q3"))).append("tag", "java")))
                    .containsExactlyInAnyOrder("q1", "q3");
            // a condition on _id that is no plain value still answers right (the server scans as before)
            assertThat(ids(posts, new Document("_id", new Document("$gt", "q1")).append("tag", "java"))).containsExactly("q3");
        }
    }

    /** How projections change a document at most once per event, and a version-checked write. */
    @ParameterizedTest(name = "on disk: {0}")
    @ValueSource(booleans = {true, false})
    void conditionalUpdatesByIdChangeTheDocumentOnlyWhenTheirConditionHolds(boolean onDisk) {
        try (LocalSystem system = LocalSystem.start(LocalConfig.builder(dataDir).storesOnly().mongoOnDisk(onDisk).build());
             MongoClient mongo = MongoClients.create(system.mongoUri())) {
            MongoCollection<Document> counts = mongo.getDatabase("praxis").getCollection("counts");
            counts.insertOne(new Document("_id", "c1").append("n", 0).append("applied", List.of()).append("version", 1));
            counts.insertOne(new Document("_id", "c2").append("n", 0).append("applied", List.of()).append("version", 1));
            Bson onceForE1 = new Document("_id", "c1").append("applied", new Document("$ne", "e1"));
            Bson countE1 = Updates.combine(Updates.inc("n", 1), Updates.push("applied", "e1"));

            assertThat(counts.updateOne(onceForE1, countE1).getModifiedCount()).isEqualTo(1);
            assertThat(counts.updateOne(onceForE1, countE1).getMatchedCount()).isZero();
            assertThat(counts.updateOne(new Document("_id", "c1").append("version", 2),
                    Updates.set("n", 99)).getMatchedCount()).isZero();
            assertThat(counts.updateOne(new Document("_id", "c1").append("version", 1),
                    Updates.combine(Updates.inc("n", 10), Updates.inc("version", 1))).getModifiedCount()).isEqualTo(1);

            Document c1 = counts.find(Filters.eq("_id", "c1")).first();
            assertThat(c1.getInteger("n")).isEqualTo(11);
            assertThat(c1.getInteger("version")).isEqualTo(2);
            assertThat(c1.getList("applied", String.class)).containsExactly("e1");
            assertThat(counts.find(Filters.eq("_id", "c2")).first().getInteger("n")).isZero();
            // a changed document is still found by its _id alone and with more conditions
            assertThat(ids(counts, new Document("_id", "c1").append("version", 2))).containsExactly("c1");
            assertThat(counts.countDocuments(Filters.eq("version", 1))).isEqualTo(1);
        }
    }

    @Test
    void theIdIndexNamesTheCandidatesOnlyForAPlainIdBesideOtherFields() {
        var database = IdLookupCollections.memoryDatabase("praxis", new CursorRegistry());
        var posts = database.createCollectionOrThrowIfExists("posts", CollectionOptions.withDefaults());
        posts.insertDocuments(List.of(
                new de.bwaldvogel.mongo.bson.Document("_id", "q1").append("tag", "java"),
                new de.bwaldvogel.mongo.bson.Document("_id", "q2").append("tag", "java")));

        assertThat(IdLookupCollections.candidatesById(
                new de.bwaldvogel.mongo.bson.Document("_id", "q1").append("tag", "kotlin"), posts.getIndexes()))
                .hasSize(1);
        assertThat(IdLookupCollections.candidatesById(
                new de.bwaldvogel.mongo.bson.Document("_id", "q9").append("tag", "java"), posts.getIndexes()))
                .isEmpty();
        // no _id, or _id alone: the server's own way (a scan, or the index it already uses)
        assertThat(IdLookupCollections.candidatesById(
                new de.bwaldvogel.mongo.bson.Document("tag", "java"), posts.getIndexes())).isNull();
        assertThat(IdLookupCollections.candidatesById(
                new de.bwaldvogel.mongo.bson.Document("_id", "q1"), posts.getIndexes())).isNull();
        assertThat(IdLookupCollections.candidatesById(
                new de.bwaldvogel.mongo.bson.Document("_id", new de.bwaldvogel.mongo.bson.Document("$gt", "q1"))
                        .append("tag", "java"), posts.getIndexes())).isNull();
    }

    /** The point of the collections: a filter on _id and more examines one document, not the whole collection. */
    @Test
    void aFilterOnIdAndMoreExaminesOnlyTheDocumentWithThatId() {
        MemoryDatabase database = IdLookupCollections.memoryDatabase("praxis", new CursorRegistry());
        AtomicInteger examined = new AtomicInteger();
        var posts = new IdLookupCollections.IdLookupMemoryCollection(database, "posts", CollectionOptions.withDefaults(),
                new CursorRegistry()) {
            @Override
            protected boolean documentMatchesQuery(de.bwaldvogel.mongo.bson.Document document,
                                                   de.bwaldvogel.mongo.bson.Document query) {
                examined.incrementAndGet();
                return super.documentMatchesQuery(document, query);
            }
        };
        posts.addIndex(new MemoryUniqueIndex("_id_", List.of(new IndexKey("_id", true)), false));
        for (int i = 0; i < 100; i++) {
            posts.addDocument(new de.bwaldvogel.mongo.bson.Document("_id", "q" + i).append("tag", "java"));
        }

        List<Object> found = new ArrayList<>();
        posts.handleQuery(new de.bwaldvogel.mongo.bson.Document("_id", "q42").append("tag", "java"), 0, 0)
                .forEach(document -> found.add(document.get("_id")));

        assertThat(found).containsExactly("q42");
        assertThat(examined).as("documents examined").hasValue(1);
    }

    private static List<String> ids(MongoCollection<Document> collection, Bson filter) {
        List<String> ids = new ArrayList<>();
        collection.find(filter).forEach(document -> ids.add(document.getString("_id")));
        return ids;
    }
}
