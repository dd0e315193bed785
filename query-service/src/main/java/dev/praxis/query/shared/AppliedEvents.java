package dev.praxis.query.shared;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Makes a non-idempotent update (an increment, a push) safe to deliver twice. Each document keeps the
 * ids of the last events applied to it; the update and the note of the event id are one atomic
 * single-document write, so no transaction is needed. A tracking processor re-delivers at most the
 * batch in flight when it stopped, so a document remembers two batches' worth: its own processor's
 * and that of one other processor writing the same document meanwhile (notifications are written by
 * two). The list is copied by the database on every change of the document, which makes its length a
 * cost paid on every write: with 1,000 ids it was about 40% of the embedded MongoDB's CPU in a replay.
 *
 * <p>An event that is new to its projection ({@link DeliveryHorizon#firstDelivery()}) is written by
 * {@code _id} alone, still noting its id; only an event that may have been applied before is
 * matched against the ids a document remembers. So a handler writes each (document, marker) pair
 * once per delivery; it must not count on the marker to merge two writes of its own.
 */
public final class AppliedEvents {

    public static final String FIELD = "_appliedEvents";
    /** How many event ids a document remembers: twice the largest batch a processor may handle. */
    public static final int REMEMBERED = 200;

    private AppliedEvents() {
    }

    /**
     * Applies {@code update} to the document unless the event was applied to it already. For an
     * event new to its projection the write goes with the batch's other writes ({@link PendingWrites}).
     */
    public static void applyOnce(MongoTemplate mongo, String collection, Object documentId, String eventId,
                                 Update update) {
        if (DeliveryHorizon.firstDelivery()) {
            PendingWrites.updateFirst(mongo, query(where("_id").is(documentId)), remember(update, eventId), collection);
            return;
        }
        mongo.updateFirst(notYetApplied(documentId, eventId), remember(update, eventId), collection);
    }

    /** As {@link #applyOnce}, creating the document when it does not exist yet. */
    public static void upsertOnce(MongoTemplate mongo, String collection, Object documentId, String eventId,
                                  Update update) {
        if (DeliveryHorizon.firstDelivery()) {
            PendingWrites.upsert(mongo, query(where("_id").is(documentId)), remember(update, eventId), collection);
            return;
        }
        try {
            mongo.upsert(notYetApplied(documentId, eventId), remember(update, eventId), collection);
        } catch (DuplicateKeyException alreadyApplied) {
            // the document exists and remembers the event: the filter missed it and the upsert collided
        }
    }

    /**
     * As {@link #applyOnce}, answering the document as it is afterwards (null when there is none),
     * without the event ids it remembers: one round trip where an update and a read would take two.
     */
    public static Document applyOnceAndGet(MongoTemplate mongo, String collection, Object documentId, String eventId,
                                           Update update) {
        return modifyOnceAndGet(mongo, collection, documentId, eventId, update, false);
    }

    /** As {@link #upsertOnce}, answering the document as it is afterwards. */
    public static Document upsertOnceAndGet(MongoTemplate mongo, String collection, Object documentId, String eventId,
                                            Update update) {
        return modifyOnceAndGet(mongo, collection, documentId, eventId, update, true);
    }

    private static Document modifyOnceAndGet(MongoTemplate mongo, String collection, Object documentId, String eventId,
                                             Update update, boolean upsert) {
        FindAndModifyOptions options = FindAndModifyOptions.options().returnNew(true).upsert(upsert);
        if (DeliveryHorizon.firstDelivery()) {
            return mongo.findAndModify(withoutMarkers(query(where("_id").is(documentId))), remember(update, eventId), options,
                    Document.class, collection);
        }
        try {
            Document after = mongo.findAndModify(withoutMarkers(notYetApplied(documentId, eventId)), remember(update, eventId),
                    options, Document.class, collection);
            if (after != null) {
                return after;
            }
        } catch (DuplicateKeyException alreadyApplied) {
            // the document exists and remembers the event: the filter missed it and the upsert collided
        }
        return mongo.findOne(withoutMarkers(query(where("_id").is(documentId))), Document.class, collection);
    }

    /**
     * The query answering its documents without the event ids they remember: up to {@value #REMEMBERED}
     * of them (36 KB) in a document that many events change, which the caller never needs.
     */
    private static org.springframework.data.mongodb.core.query.Query withoutMarkers(
            org.springframework.data.mongodb.core.query.Query query) {
        query.fields().exclude(FIELD);
        return query;
    }

    /**
     * As {@link #upsertOnce} for several documents of one collection and one event. For an event new
     * to its projection they go to the server with the batch's other writes, not one round trip each.
     */
    public static void upsertAllOnce(MongoTemplate mongo, String collection, String eventId, Map<?, Update> updates) {
        List<Marked> writes = new ArrayList<>();
        updates.forEach((documentId, update) -> writes.add(new Marked(documentId, eventId, update)));
        upsertAllOnce(mongo, collection, writes);
    }

    /** As {@link #upsertAllOnce(MongoTemplate, String, String, Map)}, each document with its own marker. */
    public static void upsertAllOnce(MongoTemplate mongo, String collection, List<Marked> writes) {
        if (writes.isEmpty()) {
            return;
        }
        if (!DeliveryHorizon.firstDelivery()) {
            writes.forEach(w -> upsertOnce(mongo, collection, w.documentId(), w.eventId(), w.update()));
            return;
        }
        writes.forEach(w -> PendingWrites.upsert(mongo, query(where("_id").is(w.documentId())),
                remember(w.update(), w.eventId()), collection));
    }

    /** One guarded write: the document, the marker it remembers (an event id, or one step of an event), the update. */
    public record Marked(Object documentId, String eventId, Update update) {
    }

    /**
     * The document by id without the event ids it remembers: for a read that does not ask whether an
     * event was applied (the list is most of a much-changed document's bytes).
     */
    public static org.springframework.data.mongodb.core.query.Query byIdWithoutEventIds(Object documentId) {
        return withoutEventIds(query(where("_id").is(documentId)));
    }

    /** {@code query}, answering its documents without the event ids they remember. */
    public static org.springframework.data.mongodb.core.query.Query withoutEventIds(
            org.springframework.data.mongodb.core.query.Query query) {
        query.fields().exclude(FIELD);
        return query;
    }

    /**
     * The documents {@code query} finds, without the event ids they remember, read as {@code type}.
     * They are fetched as plain documents and converted after: given an entity type, Spring Data maps
     * each projected field onto its properties, and for one that is none (the event ids) it throws
     * and catches an exception on every read (about 5% of the query service's CPU on a feed page).
     * So {@code query} must name the documents' field names, not renamed properties.
     */
    public static <T> List<T> findWithoutEventIds(MongoTemplate mongo,
            org.springframework.data.mongodb.core.query.Query query, Class<T> type, String collection) {
        return mongo.find(withoutEventIds(query), Document.class, collection).stream()
                .map(document -> mongo.getConverter().read(type, document))
                .toList();
    }

    /** The first document {@code query} finds, as {@link #findWithoutEventIds}; null when none. */
    public static <T> T findOneWithoutEventIds(MongoTemplate mongo,
            org.springframework.data.mongodb.core.query.Query query, Class<T> type, String collection) {
        Document document = mongo.findOne(withoutEventIds(query), Document.class, collection);
        return document == null ? null : mongo.getConverter().read(type, document);
    }

    /** Whether the event was applied to the document already (never, for an event new to its projection). */
    public static boolean wasApplied(MongoTemplate mongo, String collection, Object documentId, String eventId) {
        if (DeliveryHorizon.firstDelivery()) {
            return false;
        }
        return Exists.any(mongo, query(where("_id").is(documentId).and(FIELD).is(eventId)), collection);
    }

    private static org.springframework.data.mongodb.core.query.Query notYetApplied(Object documentId, String eventId) {
        return query(where("_id").is(documentId).and(FIELD).ne(eventId));
    }

    private static Update remember(Update update, String eventId) {
        update.push(FIELD).slice(-REMEMBERED).each(eventId);
        return update;
    }
}
