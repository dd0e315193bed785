package dev.praxis.query.shared;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.bson.Document;
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
            // an action may add writes of its own, and one may register another
            while (!writes.atEnd.isEmpty()) {
                List<Runnable> actions = new ArrayList<>(writes.atEnd.values());
                writes.atEnd.clear();
                actions.forEach(Runnable::run);
            }
        } finally {
            CURRENT.remove();
        }
        writes.flushAll();
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
        write(mongo, collection, () -> mongo.insert(document, collection), bulk -> bulk.insert(document));
    }

    /** {@code mongo.upsert(query, update, collection)}, sent with the batch when the answer is not needed. */
    public static void upsert(MongoTemplate mongo, Query query, Update update, String collection) {
        write(mongo, collection, () -> mongo.upsert(query, update, collection), bulk -> bulk.upsert(query, update));
    }

    /** {@code mongo.updateFirst(query, update, collection)}, sent with the batch. */
    public static void updateFirst(MongoTemplate mongo, Query query, Update update, String collection) {
        write(mongo, collection, () -> mongo.updateFirst(query, update, collection), bulk -> bulk.updateOne(query, update));
    }

    /** {@code mongo.updateMulti(query, update, collection)}, sent with the batch. */
    public static void updateMulti(MongoTemplate mongo, Query query, Update update, String collection) {
        write(mongo, collection, () -> mongo.updateMulti(query, update, collection), bulk -> bulk.updateMulti(query, update));
    }

    /** {@code mongo.remove(query, collection)}, sent with the batch. */
    public static void remove(MongoTemplate mongo, Query query, String collection) {
        write(mongo, collection, () -> mongo.remove(query, collection), bulk -> bulk.remove(query));
    }

    /** Sends the write now, or gathers it as its bulk form when this thread holds writes back. */
    private static void write(MongoTemplate mongo, String collection, Runnable now, Consumer<BulkOperations> later) {
        PendingWrites writes = gathering(mongo);
        if (writes == null) {
            now.run();
        } else {
            writes.add(mongo, collection, later);
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

    private void add(MongoTemplate mongo, String collection, Consumer<BulkOperations> write) {
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
        pending.writes.add(write);
    }

    private void flush(String collection) {
        if (!ahead.contains(collection)) {
            flushAhead();
        }
        Pending pending = byCollection.remove(collection);
        if (pending != null) {
            send(collection, pending);
        }
    }

    private void flushAhead() {
        for (String collection : ahead) {
            Pending pending = byCollection.remove(collection);
            if (pending != null) {
                send(collection, pending);
            }
        }
    }

    private void flushAll() {
        flushAhead();
        List<Map.Entry<String, Pending>> all = new ArrayList<>(byCollection.entrySet());
        byCollection.clear();
        for (Map.Entry<String, Pending> entry : all) {
            send(entry.getKey(), entry.getValue());
        }
    }

    private void send(String collection, Pending pending) {
        busy = true;
        try {
            BulkOperations bulk = pending.mongo.bulkOps(BulkOperations.BulkMode.ORDERED, collection);
            pending.writes.forEach(write -> write.accept(bulk));
            bulk.execute();
        } finally {
            busy = false;
        }
    }

    private static final class Pending {

        private final MongoTemplate mongo;
        private final List<Consumer<BulkOperations>> writes = new ArrayList<>();

        Pending(MongoTemplate mongo) {
            this.mongo = mongo;
        }
    }
}
