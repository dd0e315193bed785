package dev.praxis.query.shared;

import com.mongodb.ErrorCategory;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.bulk.BulkWriteResult;
import com.mongodb.bulk.BulkWriteUpsert;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.BulkOperationException;
import org.springframework.data.mongodb.MongoDatabaseFactory;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Write-behind for the batch a tracking processor is handling: the writes whose result a handler
 * does not need are gathered per collection and go to MongoDB as one ordered bulk write, instead of
 * one round trip each. A batch of 100 events that each write the same collection, and do not read
 * it, costs one command there.
 *
 * <p>The handlers must not notice: before any other access to a collection on the processor's
 * thread (a read, a write that answers something, an index), that collection's pending writes are
 * sent first ({@link #beforeAccess}, called by the query service's database factory). So a
 * handler reads what it wrote, and the writes to one collection reach the server in the order they
 * were made. Writes to different collections may reach it in another order than they were made;
 * no read depends on that, and a batch that fails is handed to the handlers again, where
 * {@link AppliedEvents} and {@link DeliveryHorizon} make every write count once. Where a second
 * delivery can mend a half-sent batch only if one collection's writes arrived first, the handler
 * says so ({@link #ahead}).
 *
 * <p>A document that the batch updates several times by its {@code _id} gets one update where the
 * updates combine exactly ({@link UpdateMerge}: counters summed, later fields winning, pushed
 * elements appended): the embedded MongoDB copies, compares and re-indexes the whole document for
 * each update it applies, and a batch writes some documents (a community, a question, the event
 * ids a document remembers) once per event. A later update is folded into the earlier one only
 * when no pending write that may touch the document lies between them.
 *
 * <p>{@link DeliveryHorizon} opens the write-behind when a batch starts and sends everything after
 * the batch's last event, inside the batch's unit of work: before the processor stores its token,
 * so a token never runs ahead of the writes of the events it covers. Outside a batch, or with a
 * template whose database factory does not report accesses ({@link AccessAware}), every write is
 * sent at once.
 */
public final class PendingWrites {

    /** A database factory that calls {@link #beforeAccess} whenever a collection is taken from it. */
    public interface AccessAware {
    }

    private static final ThreadLocal<PendingWrites> CURRENT = new ThreadLocal<>();

    private final Map<String, Pending> byCollection = new LinkedHashMap<>();
    /**
     * Collections whose pending writes are sent before those of any other collection, whenever
     * anything is sent ({@link #ahead}): writes that others follow from must reach the server first.
     */
    private final Set<String> ahead = new LinkedHashSet<>();
    /** What the projections do once at the end of the batch, before its writes are sent, by key. */
    private final Map<String, Runnable> atEnd = new LinkedHashMap<>();
    /**
     * While the bulk writes are built or sent, their own collection accesses must not flush again;
     * and during a {@link #readPast} read, which must not flush at all.
     */
    private boolean busy;

    private PendingWrites() {
    }

    /** Starts gathering the writes of this thread (a batch starts); what an earlier, failed batch left is dropped. */
    static void open() {
        CURRENT.set(new PendingWrites());
    }

    /**
     * Runs what the projections left for the end of the batch ({@link #atBatchEnd}), then sends every
     * pending write and stops gathering (the batch's last event was handled).
     */
    static void close() {
        PendingWrites writes = CURRENT.get();
        if (writes == null) {
            return;
        }
        try {
            do {
                // an action may add writes of its own, and one may register another
                while (!writes.atEnd.isEmpty()) {
                    List<Runnable> actions = new ArrayList<>(writes.atEnd.values());
                    writes.atEnd.clear();
                    actions.forEach(Runnable::run);
                }
                // still gathering: what an upsert's answer makes a handler write goes with the batch
                // too, and an answer may leave work for the batch's end
                writes.flushAll();
            } while (!writes.atEnd.isEmpty());
        } finally {
            CURRENT.remove();
        }
    }

    /**
     * Runs {@code action} once at the end of the batch this thread is handling, before the batch's
     * writes are sent and its token stored, however often it is asked for under {@code key}: for
     * work whose result only the batch's last event decides (a score recomputed from the counters
     * the batch moved). Answers false when writes are not being gathered through {@code mongo}:
     * the caller then does the work at once.
     */
    public static boolean atBatchEnd(MongoTemplate mongo, String key, Runnable action) {
        PendingWrites writes = gathering(mongo);
        if (writes == null) {
            return false;
        }
        writes.atEnd.putIfAbsent(key, action);
        return true;
    }

    /** Whether this thread is handling a batch whose writes through {@code mongo} are gathered ({@link #atBatchEnd} would take work). */
    public static boolean isGathering(MongoTemplate mongo) {
        return gathering(mongo) != null;
    }

    /** Drops the pending writes and stops gathering (the batch failed: it is handled again). */
    static void discard() {
        CURRENT.remove();
    }

    /** Whether writes are being gathered on this thread. */
    static boolean isOpen() {
        return CURRENT.get() != null;
    }

    /** Called before a collection is used on this thread: sends the writes pending for it first. */
    public static void beforeAccess(String collection) {
        PendingWrites writes = CURRENT.get();
        if (writes != null && !writes.busy) {
            writes.flush(collection);
        }
    }

    /**
     * Runs a read, or a write that answers a document, without sending the pending writes first. Only
     * for a caller that knows none of its pending writes touch that document: it keeps track of the
     * documents it wrote in this batch and goes past the write-behind only for others
     * ({@code ReputationBatch} and {@code TagStatsBatch} do).
     */
    public static <T> T readPast(Supplier<T> read) {
        PendingWrites writes = CURRENT.get();
        if (writes == null || writes.busy) {
            return read.get();
        }
        writes.busy = true;
        try {
            return read.get();
        } finally {
            writes.busy = false;
        }
    }

    /**
     * From now until the batch ends, the writes pending for {@code collection} reach the server ahead
     * of any other collection's: whenever this thread sends pending writes of another collection (a
     * read or a write there, or the batch's end), or writes another collection directly, it sends
     * this collection's first. For writes that others follow from (a log of decisions and their
     * effects, a count moved before the notification records that it was): no follower reaches the
     * server before what it follows from, so a batch that stops half way leaves nothing that a
     * second delivery cannot mend. Outside a batch every write is sent at once, in order anyway.
     */
    public static void ahead(MongoTemplate mongo, String collection) {
        PendingWrites writes = gathering(mongo);
        if (writes != null) {
            writes.ahead.add(collection);
        }
    }

    /**
     * {@code mongo.insert(document, collection)}, sent with the batch, {@link #ahead} of the other
     * collections' writes. Only for a document new to the collection (an insert that cannot collide).
     */
    public static void insertAhead(MongoTemplate mongo, Document document, String collection) {
        ahead(mongo, collection);
        write(mongo, collection, () -> mongo.insert(document, collection), bulk -> bulk.insert(document), document.get("_id"));
    }

    /** {@code mongo.upsert(query, update, collection)}, sent with the batch when the answer is not needed. */
    public static void upsert(MongoTemplate mongo, Query query, Update update, String collection) {
        writeOne(mongo, collection, query, update, true);
    }

    /** What an upsert did to the one document its query names. */
    public enum Upserted {
        /** No document matched: the upsert inserted it. */
        INSERTED,
        /** A document matched and was updated. */
        UPDATED,
        /**
         * No document matched, and the insert collided with one of the same {@code _id}: it exists,
         * and the rest of the query excluded it.
         */
        COLLIDED
    }

    /**
     * {@code mongo.upsert(query, update, collection)} for the document {@code id}, whose answer the
     * caller needs: {@code then} learns what the upsert did once it reached the server. In a batch the
     * upsert goes with the batch's writes, together with the batch's other answered upserts of that
     * collection (one command for them all), and {@code then} runs when they are sent: before any
     * later access to the collection on this thread and, at the latest, at the batch's end, where
     * what it writes still goes with the batch. Outside a batch it is sent at once and {@code then}
     * runs before this returns. {@code then} runs as part of the event that asked
     * ({@link DeliveryHorizon#firstDelivery} answers for that event), but must not assume any other
     * state of that moment: later events of the batch may have been handled since.
     */
    public static void upsert(MongoTemplate mongo, Object id, Query query, Update update, String collection,
                              Consumer<Upserted> then) {
        PendingWrites writes = gathering(mongo);
        if (writes == null) {
            then.accept(upsertNow(mongo, query, update, collection));
            return;
        }
        DeliveryHorizon.Delivery asked = DeliveryHorizon.current();
        writes.pendingFor(mongo, collection).add(new Write(bulk -> bulk.upsert(query, update), id,
                answer -> DeliveryHorizon.during(asked, () -> then.accept(answer))), Barrier.ONE, id);
    }

    private static Upserted upsertNow(MongoTemplate mongo, Query query, Update update, String collection) {
        try {
            return mongo.upsert(query, update, collection).getUpsertedId() != null ? Upserted.INSERTED : Upserted.UPDATED;
        } catch (DuplicateKeyException exists) {
            return Upserted.COLLIDED;
        }
    }

    /** {@code mongo.updateFirst(query, update, collection)}, sent with the batch. */
    public static void updateFirst(MongoTemplate mongo, Query query, Update update, String collection) {
        writeOne(mongo, collection, query, update, false);
    }

    /**
     * An update (or upsert) of one document, sent with the batch. One of a document named by its
     * {@code _id} alone is folded into the write pending for that document where the two combine
     * exactly ({@link UpdateMerge}), so the server applies one update where the batch made several.
     */
    private static void writeOne(MongoTemplate mongo, String collection, Query query, Update update, boolean upsert) {
        PendingWrites writes = gathering(mongo);
        if (writes == null) {
            if (upsert) {
                mongo.upsert(query, update, collection);
            } else {
                mongo.updateFirst(query, update, collection);
            }
            return;
        }
        Object id = byIdAlone(query);
        Pending pending = writes.pendingFor(mongo, collection);
        if (id == null) {
            pending.add(new Write(bulk -> {
                if (upsert) {
                    bulk.upsert(query, update);
                } else {
                    bulk.updateOne(query, update);
                }
            }, null, null), Barrier.ALL, null);
            return;
        }
        OneDocument earlier = pending.open.get(id);
        if (earlier != null && earlier.fold(update, upsert)) {
            return;
        }
        OneDocument write = new OneDocument(query, update, upsert);
        pending.add(new Write(write::addTo, null, null), Barrier.NONE, null);
        pending.open.put(id, write);
    }

    /** The {@code _id} a query names when it names nothing else (null otherwise). */
    private static Object byIdAlone(Query query) {
        Document filter = query.getQueryObject();
        if (filter.size() != 1 || !query.getSortObject().isEmpty() || query.getCollation().isPresent()
                || query.getLimit() > 0 || query.getSkip() > 0) {
            return null;
        }
        Object id = filter.get("_id");
        // an operator ({$in: ...}), a pattern or a compound value: not a single plain id
        return id instanceof String || id instanceof Number || id instanceof org.bson.types.ObjectId ? id : null;
    }

    /** {@code mongo.updateMulti(query, update, collection)}, sent with the batch. */
    public static void updateMulti(MongoTemplate mongo, Query query, Update update, String collection) {
        write(mongo, collection, () -> mongo.updateMulti(query, update, collection), bulk -> bulk.updateMulti(query, update),
                null);
    }

    /** {@code mongo.remove(query, collection)}, sent with the batch. */
    public static void remove(MongoTemplate mongo, Query query, String collection) {
        write(mongo, collection, () -> mongo.remove(query, collection), bulk -> bulk.remove(query), null);
    }

    /** Sends the write now, or gathers it as its bulk form when this thread holds writes back. */
    private static void write(MongoTemplate mongo, String collection, Runnable now, Consumer<BulkOperations> later,
                              Object documentId) {
        PendingWrites writes = gathering(mongo);
        if (writes == null) {
            now.run();
        } else {
            writes.add(mongo, collection, later, documentId);
        }
    }

    /** The write-behind of this thread, or null when a write through {@code mongo} must be sent at once. */
    private static PendingWrites gathering(MongoTemplate mongo) {
        PendingWrites writes = CURRENT.get();
        if (writes == null || writes.busy) {
            return null;
        }
        MongoDatabaseFactory factory = mongo.getMongoDatabaseFactory();
        return factory instanceof AccessAware ? writes : null;
    }

    private void add(MongoTemplate mongo, String collection, Consumer<BulkOperations> write, Object barrierId) {
        pendingFor(mongo, collection).add(new Write(write, null, null), barrierId == null ? Barrier.ALL : Barrier.ONE, barrierId);
    }

    private Pending pendingFor(MongoTemplate mongo, String collection) {
        Pending pending = byCollection.get(collection);
        if (pending != null && pending.mongo != mongo) {
            // another template (another database): keep the order by sending what is pending first
            flush(collection);
            pending = null;
        }
        if (pending == null) {
            pending = new Pending(mongo);
            byCollection.put(collection, pending);
        }
        return pending;
    }

    /** Sends what is pending for the collection, until nothing is: the answers of its upserts may add more. */
    private void flush(String collection) {
        while (byCollection.containsKey(collection)) {
            if (!ahead.contains(collection)) {
                flushAhead();
            }
            Pending pending = byCollection.remove(collection);
            if (pending != null) {
                send(collection, pending);
            }
        }
    }

    private void flushAhead() {
        for (String collection : new ArrayList<>(ahead)) {
            flush(collection);
        }
    }

    private void flushAll() {
        while (!byCollection.isEmpty()) {
            flushAhead();
            if (!byCollection.isEmpty()) {
                flush(byCollection.keySet().iterator().next());
            }
        }
    }

    /**
     * Sends the collection's pending writes in their order: each run of plain writes as one ordered
     * bulk write, each run of answered upserts of distinct documents as one unordered bulk write
     * (an insert that collides must not stop the others). Then the upserts' answers are given, in
     * the order the upserts were made, with the write-behind open again.
     */
    private void send(String collection, Pending pending) {
        List<Runnable> answers = new ArrayList<>();
        busy = true;
        try {
            List<Write> writes = pending.writes;
            int start = 0;
            while (start < writes.size()) {
                boolean answered = writes.get(start).answered();
                Set<Object> ids = new HashSet<>();
                int end = start;
                while (end < writes.size() && writes.get(end).answered() == answered
                        && (!answered || ids.add(writes.get(end).id()))) {
                    end++;
                }
                List<Write> run = writes.subList(start, end);
                if (answered) {
                    sendAnswered(pending.mongo, collection, run, answers);
                } else {
                    BulkOperations bulk = pending.mongo.bulkOps(BulkOperations.BulkMode.ORDERED, collection);
                    run.forEach(write -> write.operation().accept(bulk));
                    bulk.execute();
                }
                start = end;
            }
        } finally {
            busy = false;
        }
        answers.forEach(Runnable::run);
    }

    private static void sendAnswered(MongoTemplate mongo, String collection, List<Write> upserts, List<Runnable> answers) {
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, collection);
        upserts.forEach(write -> write.operation().accept(bulk));
        BulkWriteResult result;
        Set<Integer> collided = new HashSet<>();
        try {
            result = bulk.execute();
        } catch (BulkOperationException failed) {
            for (BulkWriteError error : failed.getErrors()) {
                if (ErrorCategory.fromErrorCode(error.getCode()) != ErrorCategory.DUPLICATE_KEY) {
                    throw failed;
                }
                collided.add(error.getIndex());
            }
            result = failed.getResult();
        }
        Set<Integer> inserted = new HashSet<>();
        for (BulkWriteUpsert upsert : result.getUpserts()) {
            inserted.add(upsert.getIndex());
        }
        for (int i = 0; i < upserts.size(); i++) {
            Upserted answer = inserted.contains(i) ? Upserted.INSERTED
                    : collided.contains(i) ? Upserted.COLLIDED : Upserted.UPDATED;
            Consumer<Upserted> then = upserts.get(i).then();
            answers.add(() -> then.accept(answer));
        }
    }

    /** A pending write; an answered upsert names its document and who waits for its answer. */
    private record Write(Consumer<BulkOperations> operation, Object id, Consumer<Upserted> then) {

        boolean answered() {
            return then != null;
        }
    }

    /** What a pending write keeps later writes from being folded across. */
    private enum Barrier {
        /** Nothing: it is itself a write that later ones of its document may be folded into. */
        NONE,
        /** Its document's: a later write of that document must reach the server after it. */
        ONE,
        /** Every document's: its filter may match any of them. */
        ALL
    }

    private static final class Pending {

        private final MongoTemplate mongo;
        private final List<Write> writes = new ArrayList<>();
        /**
         * For each document, by {@code _id}, the pending write that a later write of it may be folded
         * into: the last one made, when no write that may touch that document came after it.
         */
        private final Map<Object, OneDocument> open = new HashMap<>();

        Pending(MongoTemplate mongo) {
            this.mongo = mongo;
        }

        void add(Write write, Barrier barrier, Object documentId) {
            writes.add(write);
            if (barrier == Barrier.ALL) {
                open.clear();
            } else if (barrier == Barrier.ONE) {
                open.remove(documentId);
            }
        }

    }

    /** A pending update of the one document its query names by {@code _id}, with the later ones folded into it. */
    private static final class OneDocument {

        private final Query query;
        private final Update update;
        private final boolean upsert;
        /** Once a later update was folded in: all of them; null before, and for an update that does not fold. */
        private UpdateMerge folded;
        private boolean foldable = true;

        OneDocument(Query query, Update update, boolean upsert) {
            this.query = query;
            this.update = update;
            this.upsert = upsert;
        }

        /** Folds {@code later} into this write if the two combine exactly; false when it must go on its own. */
        boolean fold(Update later, boolean laterUpserts) {
            if (laterUpserts && !upsert) {
                // the upsert may insert the document that this update found missing
                return false;
            }
            if (!foldable || later.hasArrayFilters()) {
                return false;
            }
            if (folded == null) {
                folded = update.hasArrayFilters() ? null : UpdateMerge.of(update, upsert);
                if (folded == null) {
                    foldable = false;
                    return false;
                }
            }
            return folded.fold(later);
        }

        void addTo(BulkOperations bulk) {
            Update sent = folded != null ? folded.toUpdate() : update;
            if (upsert) {
                bulk.upsert(query, sent);
            } else {
                bulk.updateOne(query, sent);
            }
        }
    }
}
