package dev.praxis.query.reputation;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import dev.praxis.query.shared.InBatch;
import dev.praxis.query.shared.PendingWrites;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.bson.Document;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;

/**
 * The reputation documents the projection has read or written during the batch its processor is
 * handling, by collection and {@code _id}, and the writes it holds back until the batch ends.
 *
 * <p>The engine reads, for every event, the rules, the totals of the members it touches, their vote
 * days, the thread's tags and causes: one round trip each, mostly for documents an earlier event
 * of the same batch has just read or written. Here a document is read once per batch and then kept
 * in step with the projection's own writes, which go to the server as one bulk write per collection
 * ({@link PendingWrites}) before the processor stores its token. Only this projection writes these
 * collections, and one processor (one segment) runs it, so nothing else changes them meanwhile. A
 * read that this class cannot answer (a query by field) goes to the server, which first receives
 * the writes pending for that collection.
 *
 * <p>The log of inputs takes its order numbers ({@code seq}) from a counter reserved a block at a
 * time: only their order counts, so the numbers a batch leaves unused are simply skipped.
 *
 * <p>Outside a unit of work (a test calling a handler), every call gets a fresh instance: nothing
 * is remembered and every write is sent at once.
 */
final class ReputationBatch {

    private static final String RESOURCE = ReputationBatch.class.getName();
    /** Order numbers reserved per round trip to the counter. */
    static final int SEQ_BLOCK = 100;

    private final MongoTemplate mongo;
    private final Map<String, Map<String, Optional<Document>>> known = new HashMap<>();
    /** The documents written in this batch whose state afterwards is not known, by collection. */
    private final Map<String, Set<String>> writtenUnknown = new HashMap<>();
    /** The threads (community, question) whose causes are all among the known documents. */
    private final Set<List<String>> threadsKnown = new HashSet<>();
    private long nextSeq;
    private long lastSeq = -1;

    private ReputationBatch(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    static ReputationBatch of(MongoTemplate mongo) {
        return InBatch.remembered(RESOURCE, () -> new ReputationBatch(mongo));
    }

    /**
     * The document as this batch last read or wrote it; read from the server the first time. Do not
     * change it. A document this batch has not written is read past the pending writes (they cannot
     * change it), so the writes go on gathering.
     */
    Document findById(String collection, String id) {
        Map<String, Optional<Document>> documents = documents(collection);
        Optional<Document> found = documents.get(id);
        if (found == null) {
            if (writtenUnknown.getOrDefault(collection, Set.of()).contains(id)) {
                // written blind: the read sends the collection's pending writes first
                found = Optional.ofNullable(mongo.findById(id, Document.class, collection));
                writtenUnknown.remove(collection);
            } else {
                found = Optional.ofNullable(PendingWrites.readPast(() -> mongo.findById(id, Document.class, collection)));
            }
            documents.put(id, found);
        }
        return found.orElse(null);
    }

    /**
     * The stored causes of a thread: from the server the first time in the batch (which first
     * receives the causes pending), then from the causes this batch knows, which the writes keep in
     * step ({@link #upsertWhole}, {@link #remove}).
     */
    List<Document> causesOfThread(String communityId, String questionId) {
        Map<String, Optional<Document>> causes = documents(ReputationCollections.CAUSES);
        if (threadsKnown.add(List.of(communityId, questionId))) {
            // a query by field sends the pending causes first: what it finds is what the batch wrote
            writtenUnknown.remove(ReputationCollections.CAUSES);
            mongo.find(query(where("communityId").is(communityId).and("questionId").is(questionId)), Document.class,
                    ReputationCollections.CAUSES).forEach(d -> causes.put(d.getString("_id"), Optional.of(d)));
        }
        List<Document> ofThread = new ArrayList<>();
        causes.values().forEach(cause -> cause
                .filter(d -> communityId.equals(d.getString("communityId")) && questionId.equals(d.getString("questionId")))
                .ifPresent(ofThread::add));
        return ofThread;
    }

    /**
     * A thread (a question or an article) that starts in this batch and is new to the projection: it
     * has no causes on the server, so the batch knows all of them (those it writes itself).
     */
    void threadStarted(String communityId, String threadId) {
        threadsKnown.add(List.of(communityId, threadId));
    }

    /**
     * The cause under {@code id} of a thread whose causes the batch knows, without a read (empty when
     * it has none under that id); null when the batch does not know all of that thread's causes.
     */
    Optional<Document> causeOfKnownThread(String communityId, String threadId, String id) {
        if (!threadsKnown.contains(List.of(communityId, threadId))) {
            return null;
        }
        Optional<Document> cause = documents(ReputationCollections.CAUSES).get(id);
        return cause == null ? Optional.empty() : cause;
    }

    /** Upserts by id with the batch, and keeps the remembered copy in step when the update only sets top-level fields. */
    void upsert(String collection, String id, Update update) {
        PendingWrites.upsert(mongo, query(where("_id").is(id)), update, collection);
        Map<String, Optional<Document>> documents = documents(collection);
        Optional<Document> before = documents.get(id);
        Document set = settings(update);
        if (before == null || set == null) {
            documents.remove(id);
            writtenUnknown.computeIfAbsent(collection, c -> new HashSet<>()).add(id);
            return;
        }
        Document after = before.map(Document::new).orElseGet(() -> new Document("_id", id));
        after.putAll(set);
        documents.put(id, Optional.of(after));
    }

    /** Upserts by id with the batch an update that sets every field of the document (so it is known afterwards). */
    void upsertWhole(String collection, String id, Update update) {
        PendingWrites.upsert(mongo, query(where("_id").is(id)), update, collection);
        Document set = settings(update);
        if (set == null) {
            throw new IllegalArgumentException("not an update of top-level fields: " + update);
        }
        Document after = new Document("_id", id);
        after.putAll(set);
        documents(collection).put(id, Optional.of(after));
    }

    /** Removes by id with the batch. */
    void remove(String collection, String id) {
        PendingWrites.remove(mongo, query(where("_id").is(id)), collection);
        documents(collection).put(id, Optional.empty());
    }

    /** Forgets a collection's documents (the projection changed many of them at once, by field). */
    void forget(String collection) {
        known.remove(collection);
        writtenUnknown.remove(collection);
        if (collection.equals(ReputationCollections.CAUSES)) {
            threadsKnown.clear();
        }
    }

    /** The next order number of the inputs' log. */
    long nextSeq() {
        if (lastSeq < 0 || nextSeq > lastSeq) {
            Document counter = mongo.findAndModify(query(where("_id").is("inputs")), new Update().inc("seq", (long) SEQ_BLOCK),
                    FindAndModifyOptions.options().upsert(true).returnNew(true), Document.class, ReputationCollections.COUNTERS);
            lastSeq = counter.getLong("seq");
            nextSeq = lastSeq - SEQ_BLOCK + 1;
        }
        return nextSeq++;
    }

    private Map<String, Optional<Document>> documents(String collection) {
        return known.computeIfAbsent(collection, c -> new HashMap<>());
    }

    /** The fields an update sets, when it does nothing but set top-level fields; else null. */
    private static Document settings(Update update) {
        Document operations = update.getUpdateObject();
        if (operations.size() != 1 || !(operations.get("$set") instanceof Document set)) {
            return null;
        }
        for (String field : set.keySet()) {
            if (field.contains(".")) {
                return null;
            }
        }
        return set;
    }
}
