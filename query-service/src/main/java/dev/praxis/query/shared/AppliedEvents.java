package dev.praxis.query.shared;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.Map;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Makes a non-idempotent update (an increment, a push) safe to deliver twice. Each document keeps the
 * ids of the last events applied to it; the update and the note of the event id are one atomic
 * single-document write, so no transaction is needed. A tracking processor re-delivers at most the
 * batch in flight when it stopped, far fewer events than a document remembers.
 *
 * <p>An event that is new to its projection ({@link DeliveryHorizon#firstDelivery()}) is written by
 * {@code _id} alone, still noting its id; only an event that may have been applied before is
 * matched against the ids a document remembers.
 */
public final class AppliedEvents {

    public static final String FIELD = "_appliedEvents";
    /** How many event ids a document remembers; far above a processor's batch size. */
    static final int REMEMBERED = 1_000;

    private AppliedEvents() {
    }

    /**
     * Applies {@code update} to the document unless the event was applied to it already.
     *
     * @return whether the update was applied now
     */
    public static boolean applyOnce(MongoTemplate mongo, String collection, Object documentId, String eventId,
                                    Update update) {
        if (DeliveryHorizon.firstDelivery()) {
            return mongo.updateFirst(query(where("_id").is(documentId)), remember(update, eventId), collection)
                    .getMatchedCount() > 0;
        }
        return mongo.updateFirst(notYetApplied(documentId, eventId), remember(update, eventId), collection)
                .getModifiedCount() > 0;
    }

    /** As {@link #applyOnce}, creating the document when it does not exist yet. */
    public static boolean upsertOnce(MongoTemplate mongo, String collection, Object documentId, String eventId,
                                     Update update) {
        if (DeliveryHorizon.firstDelivery()) {
            mongo.upsert(query(where("_id").is(documentId)), remember(update, eventId), collection);
            return true;
        }
        try {
            var result = mongo.upsert(notYetApplied(documentId, eventId), remember(update, eventId), collection);
            return result.getModifiedCount() > 0 || result.getUpsertedId() != null;
        } catch (DuplicateKeyException alreadyApplied) {
            // the document exists and remembers the event: the filter missed it and the upsert collided
            return false;
        }
    }

    /**
     * As {@link #upsertOnce} for several documents of one collection and one event. For an event new
     * to its projection they go to the server as one bulk write, not one round trip each.
     */
    public static void upsertAllOnce(MongoTemplate mongo, String collection, String eventId, Map<?, Update> updates) {
        if (updates.isEmpty()) {
            return;
        }
        if (!DeliveryHorizon.firstDelivery()) {
            updates.forEach((documentId, update) -> upsertOnce(mongo, collection, documentId, eventId, update));
            return;
        }
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, collection);
        updates.forEach((documentId, update) -> bulk.upsert(query(where("_id").is(documentId)), remember(update, eventId)));
        bulk.execute();
    }

    /** Whether the event was applied to the document already (never, for an event new to its projection). */
    public static boolean wasApplied(MongoTemplate mongo, String collection, Object documentId, String eventId) {
        if (DeliveryHorizon.firstDelivery()) {
            return false;
        }
        return mongo.exists(query(where("_id").is(documentId).and(FIELD).is(eventId)), collection);
    }

    private static org.springframework.data.mongodb.core.query.Query notYetApplied(Object documentId, String eventId) {
        return query(where("_id").is(documentId).and(FIELD).ne(eventId));
    }

    private static Update remember(Update update, String eventId) {
        update.push(FIELD).slice(-REMEMBERED).each(eventId);
        return update;
    }
}
