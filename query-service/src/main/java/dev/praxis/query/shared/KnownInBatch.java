package dev.praxis.query.shared;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.bson.Document;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Documents that a projection looks up by id far more often than it writes them (who follows a
 * member or a tag, which tag is a synonym of which), read once per batch of its processor and kept
 * for the rest of it, absent ones included. A replay's batch of 500 events asks for the same few
 * documents hundreds of times; each lookup was a round trip, and each one first sent the writes
 * pending for its collection, so the batch's writes went to the server in many small bulks.
 *
 * <p>The projection tells it of each write it makes to such a document ({@link #written}): the
 * document is forgotten, and the next lookup of it goes to the server after the pending writes. A
 * document the batch has not written has no write pending, so its first lookup goes past them
 * ({@link PendingWrites#readPast}). A projection that can make the same change to the kept copy
 * as it writes to the server ({@link #changed}, {@link #set}) keeps the copy instead, and its next
 * lookup costs no round trip. Only documents that no one but the projection (one processor)
 * writes may be kept this way. Outside a unit of work (a test calling a handler) nothing is kept.
 * The copies leave out the event ids a document remembers ({@link AppliedEvents#FIELD}): whether an
 * event was applied is asked of the server.
 */
public final class KnownInBatch {

    private final String collection;
    private final Map<Object, Optional<Document>> known = new HashMap<>();
    /** The documents written in this batch since it last read the collection from the server. */
    private final Set<Object> written = new HashSet<>();

    private KnownInBatch(String collection) {
        this.collection = collection;
    }

    /** The batch's documents of {@code collection} (one projection writes it). */
    public static KnownInBatch of(String collection) {
        return InBatch.remembered(KnownInBatch.class.getName() + "." + collection, () -> new KnownInBatch(collection));
    }

    /** The document as the batch knows it, read from the server the first time; null when there is none. */
    public Document findById(MongoTemplate mongo, Object id) {
        return findAllById(mongo, List.of(id)).get(id);
    }

    /** The documents that exist among {@code ids}, by id; those the batch does not know yet in one read. */
    public Map<Object, Document> findAllById(MongoTemplate mongo, Collection<?> ids) {
        Set<Object> unknown = new LinkedHashSet<>(ids);
        unknown.removeAll(known.keySet());
        if (!unknown.isEmpty()) {
            List<Document> found;
            if (unknown.stream().anyMatch(written::contains)) {
                // a document written blind: the read sends the collection's pending writes first
                found = mongo.find(byIds(unknown), Document.class, collection);
                written.clear();
            } else {
                found = PendingWrites.readPast(() -> mongo.find(byIds(unknown), Document.class, collection));
            }
            unknown.forEach(id -> known.put(id, Optional.empty()));
            found.forEach(document -> known.put(document.get("_id"), Optional.of(document)));
        }
        Map<Object, Document> answer = new LinkedHashMap<>();
        for (Object id : ids) {
            known.get(id).ifPresent(document -> answer.put(id, document));
        }
        return answer;
    }

    /** The batch's copy of the document, without a read: null when the batch holds none. */
    public Document copy(Object id) {
        Optional<Document> copy = known.get(id);
        return copy == null ? null : copy.orElse(null);
    }

    /**
     * The document as the server holds it after a write of the projection: one that answered it (a
     * find-and-modify; null when there is none), or one that set every field the document has. The
     * batch keeps it as if it had read it.
     */
    public void keep(Object id, Document document) {
        known.put(id, Optional.ofNullable(document));
        written.remove(id);
    }

    /**
     * The projection upserted {@code update} into a document that had no fields but those it sets (new
     * to the collection, or one that only ever holds these): the batch keeps what the server then
     * holds, {@code _id} with the {@code $set} and {@code $setOnInsert} fields, in the form a read
     * answers them (through the template's converter: a {@link java.time.Instant} becomes a
     * {@link java.util.Date}). An update with other operators or dotted fields is only noted as
     * {@link #written}.
     */
    public void upserted(MongoTemplate mongo, Object id, Update update) {
        Document whole = new Document("_id", id);
        for (Map.Entry<String, Object> operation : update.getUpdateObject().entrySet()) {
            if (!List.of("$set", "$setOnInsert").contains(operation.getKey())
                    || !(operation.getValue() instanceof Document fields)
                    || fields.keySet().stream().anyMatch(field -> field.contains("."))) {
                written(id);
                return;
            }
            fields.forEach((field, value) -> whole.put(field, mongo.getConverter().convertToMongoType(value)));
        }
        keep(id, whole);
    }

    /** The projection wrote (or is about to write) the document: it is forgotten until read again. */
    public void written(Object id) {
        known.remove(id);
        written.add(id);
    }

    /**
     * The projection wrote a change to the document, and {@code sameChange} answers the batch's copy
     * with that change made: the batch keeps the answer, which so stays what the server holds once the
     * pending writes are sent. {@code sameChange} must not change its argument: a handler may still
     * hold the copy it looked up and read it after its own writes. A document the batch holds no copy
     * of is forgotten, as by {@link #written}.
     */
    public void changed(Object id, UnaryOperator<Document> sameChange) {
        Optional<Document> copy = known.get(id);
        if (copy != null && copy.isPresent()) {
            known.put(id, Optional.of(sameChange.apply(copy.get())));
        } else {
            written(id);
        }
    }

    /**
     * The projection {@code $set} the field at {@code path} (dotted, as MongoDB's) to {@code value}:
     * the same on the batch's copy, creating the embedded documents on the way as the server does.
     * The value must be in the form a read answers it ({@link java.util.Date}, not an
     * {@link java.time.Instant}; a {@link Document}, not a record).
     */
    public void set(Object id, String path, Object value) {
        changed(id, document -> {
            // copied along the path, so that the copy a handler holds does not change under it
            String[] steps = path.split("\\.");
            Document top = new Document(document);
            Document at = top;
            for (int i = 0; i < steps.length - 1; i++) {
                Document embedded = at.get(steps[i]) instanceof Document existing ? new Document(existing) : new Document();
                at.put(steps[i], embedded);
                at = embedded;
            }
            at.put(steps[steps.length - 1], value);
            return top;
        });
    }

    private static Query byIds(Collection<?> ids) {
        Query query = query(where("_id").in(ids));
        query.fields().exclude(AppliedEvents.FIELD);
        return query;
    }
}
