package dev.praxis.query.question;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import dev.praxis.query.shared.AppliedEvents;
import dev.praxis.query.shared.DeliveryHorizon;
import dev.praxis.query.shared.InBatch;
import dev.praxis.query.shared.PageCursor;
import dev.praxis.query.shared.PendingWrites;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * The newest questions of each community, kept by the questions projection in one document per
 * community ({@code community_question_heads}): up to {@link #SIZE} questions that are not deleted,
 * newest first (creation time, then id, both descending, as the community's question list is
 * ordered), and how many the community has that are not deleted. The first pages of a community's
 * questions, which nearly every client reads, are then a read by key and a batch by id, whatever
 * the size of the store; the embedded MongoDB would otherwise scan and sort the whole collection for
 * each page (it uses no secondary index). A page beyond the head is read from the questions
 * themselves, as before.
 *
 * <p>Each change is a read, then a write that names the version it read, retried when another
 * segment of the projection changed the document meanwhile. The write also notes the event id
 * ({@link AppliedEvents#FIELD}), so an event delivered again changes nothing. A question asked (the
 * change of nearly every event that changes a head) reads only the head's oldest question and its
 * size ({@code held}), and the database puts the question in its place ({@code $push} with
 * {@code $sort} and {@code $slice}): rewriting all {@value #SIZE} items for each question was most of
 * the projection's work under live writes. Every other change reads and writes the whole head.
 */
final class CommunityQuestionHeads {

    static final String COLLECTION = "community_question_heads";
    /** The questions a head keeps: the first pages of 20, and five of 50. */
    static final int SIZE = 250;
    /** How many questions the head holds (its items' length), kept beside them for the push. */
    static final String HELD = "held";
    /** The batch's questions waiting to join their heads ({@link InBatch}), and their push at the batch's end. */
    private static final String PENDING = CommunityQuestionHeads.class.getName() + ".pending";
    private static final Sort NEWEST_FIRST_IN_DATABASE = Sort.by(Sort.Direction.DESC, "at").and(Sort.by(Sort.Direction.DESC, "id"));

    private static final Comparator<Document> NEWEST_FIRST = Comparator
            .comparing((Document item) -> item.getDate("at")).reversed()
            .thenComparing(Comparator.comparing((Document item) -> item.getString("id")).reversed());

    private final MongoTemplate mongo;

    CommunityQuestionHeads(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /**
     * The community's head as stored, when its questions have been projected since heads exist;
     * without the event ids it remembers, which only a change needs.
     */
    Optional<Head> of(String communityId) {
        Query byId = query(where("_id").is(communityId));
        byId.fields().exclude(AppliedEvents.FIELD);
        return Optional.ofNullable(mongo.findOne(byId, Document.class, COLLECTION)).map(Head::new);
    }

    /**
     * A community without questions yet: an empty head that holds all of them. Only here is a head
     * created: a community whose questions were projected before heads existed has none, and its
     * pages are read from the questions until the projection is rebuilt.
     */
    void created(String communityId, String eventId) {
        try {
            mongo.insert(new Document("_id", communityId).append("items", List.of()).append(HELD, 0).append("complete", true)
                    .append("count", 0L).append("version", 1L).append(AppliedEvents.FIELD, List.of(eventId)), COLLECTION);
        } catch (DuplicateKeyException deliveredAgain) {
            // the head exists: this event created it
        }
    }

    /**
     * A question was asked (or undeleted): it joins the head when it is newer than the head's oldest.
     * In a batch, the questions new to the projection wait for the batch's end and join their head
     * together, in one write per community ({@link #pushPending}).
     */
    void added(String communityId, String questionId, Instant createdAt, String eventId) {
        Document item = new Document("id", questionId).append("at", Date.from(createdAt.truncatedTo(ChronoUnit.MILLIS)));
        Addition addition = new Addition(item, eventId);
        // an event that may have been applied before takes the full read, which checks the ids the head remembers
        if (DeliveryHorizon.firstDelivery()) {
            Map<String, List<Addition>> pending = pending();
            if (pending != null) {
                List<Addition> waiting = pending.computeIfAbsent(communityId, c -> new ArrayList<>());
                if (waiting.stream().noneMatch(a -> a.questionId().equals(questionId))) {
                    waiting.add(addition);
                    return;
                }
                pushPending(communityId); // the same question twice in one batch: the first joins first
            }
            if (pushed(communityId, List.of(addition))) {
                return;
            }
        }
        pushPending(communityId);
        change(communityId, eventId, head -> head.add(item));
    }

    /** A question that joins its community's head, and the event that made it. */
    private record Addition(Document item, String eventId) {

        String questionId() {
            return item.getString("id");
        }
    }

    /**
     * The questions of this batch that wait to join their heads, by community, in the order they
     * came; registered to be pushed at the batch's end. Null outside a batch whose writes are
     * gathered: then each question joins at once.
     */
    private Map<String, List<Addition>> pending() {
        if (!PendingWrites.atBatchEnd(mongo, PENDING, this::pushAllPending)) {
            return null;
        }
        return InBatch.remembered(PENDING, LinkedHashMap::new);
    }

    /** At the batch's end: each community's waiting questions join its head. */
    private void pushAllPending() {
        Map<String, List<Addition>> pending = InBatch.remembered(PENDING, LinkedHashMap::new);
        for (String communityId : List.copyOf(pending.keySet())) {
            pushPending(communityId);
        }
    }

    /**
     * The community's waiting questions join its head now: before any other change of it, so that
     * its changes keep the order of their events (a question asked, then deleted, in one batch).
     */
    private void pushPending(String communityId) {
        if (!PendingWrites.isGathering(mongo)) {
            return;
        }
        List<Addition> waiting = InBatch.<Map<String, List<Addition>>>remembered(PENDING, LinkedHashMap::new).remove(communityId);
        if (waiting == null || waiting.isEmpty() || pushed(communityId, waiting)) {
            return;
        }
        // the push could not decide: each question the full way, which skips those applied already
        for (Addition addition : waiting) {
            change(communityId, addition.eventId(), head -> head.add(addition.item()));
        }
    }

    /**
     * Adds the questions without reading or rewriting the head's items: its size, completeness and
     * oldest question decide which of them join it, and the database puts them in their place, the
     * newest {@value #SIZE} of old and new kept. The same as adding them one by one: the head is the
     * newest of all its community's questions, up to its size. False when that cannot be decided so
     * (a head written before its size was kept) or the write did not apply (the head changed
     * meanwhile, or holds one of the questions already): then the full read-modify-write decides.
     * Only for events new to the projection: the head's remembered event ids are not checked.
     */
    private boolean pushed(String communityId, List<Addition> additions) {
        Query light = query(where("_id").is(communityId));
        light.fields().include("complete").include("version").include(HELD).slice("items", -1);
        Document stored = mongo.findOne(light, Document.class, COLLECTION);
        if (stored == null) {
            return true; // projected before heads existed: see created()
        }
        if (!(stored.get(HELD) instanceof Number held)) {
            return false;
        }
        List<Document> oldest = stored.getList("items", Document.class, List.of());
        boolean complete = stored.getBoolean("complete", false);
        List<Document> joining = new ArrayList<>();
        for (Addition addition : additions) {
            boolean beyondTheHead = !complete && !oldest.isEmpty() && NEWEST_FIRST.compare(addition.item(), oldest.get(0)) > 0;
            if (!beyondTheHead) {
                joining.add(addition.item());
            }
        }
        // the version counts changes, one per question as if they had come one by one: a rebuild in
        // other batches leaves the same document
        Update update = new Update().inc("count", additions.size()).inc("version", additions.size())
                .push(AppliedEvents.FIELD).slice(-AppliedEvents.REMEMBERED)
                .each(additions.stream().map(Addition::eventId).toArray());
        if (!joining.isEmpty()) {
            update.push("items").sort(NEWEST_FIRST_IN_DATABASE).slice(SIZE).each(joining.toArray());
            if (held.intValue() + joining.size() > SIZE) {
                // the oldest questions (maybe some of these) leave the head
                update.set(HELD, SIZE).set("complete", false);
            } else {
                update.inc(HELD, joining.size());
            }
        }
        Query unchanged = query(where("_id").is(communityId).and("version").is(((Number) stored.get("version", 0L)).longValue())
                .and("items.id").nin(additions.stream().map(Addition::questionId).toList()));
        return mongo.updateFirst(unchanged, update, COLLECTION).getMatchedCount() == 1;
    }

    /** A question was deleted: it leaves the head and the count. */
    void removed(String communityId, String questionId, String eventId) {
        pushPending(communityId);
        change(communityId, eventId, head -> head.remove(questionId));
    }

    private void change(String communityId, String eventId, java.util.function.Consumer<Head> change) {
        while (true) {
            // an event new to the projection cannot be among the ids the head remembers: no need to read them
            Document stored = DeliveryHorizon.firstDelivery()
                    ? mongo.findOne(AppliedEvents.byIdWithoutEventIds(communityId), Document.class, COLLECTION)
                    : mongo.findById(communityId, Document.class, COLLECTION);
            if (stored == null) {
                return; // projected before heads existed: see created()
            }
            Head head = new Head(stored);
            if (head.applied(eventId)) {
                return;
            }
            change.accept(head);
            Update update = new Update().set("items", head.items).set(HELD, head.items.size())
                    .set("complete", head.complete).set("count", head.count)
                    .inc("version", 1)
                    .push(AppliedEvents.FIELD).slice(-AppliedEvents.REMEMBERED).each(eventId);
            if (mongo.updateFirst(query(where("_id").is(communityId).and("version").is(head.version)), update,
                    COLLECTION).getMatchedCount() == 1) {
                return;
            }
            // another segment of the projection changed it meanwhile: read it again
        }
    }

    /** A community's head: its newest questions, whether they are all of its questions, and how many it has. */
    static final class Head {

        private final List<Document> items;
        private boolean complete;
        private long count;
        private final long version;
        private final List<String> applied;

        private Head(List<Document> items, boolean complete, long count, long version, List<String> applied) {
            this.items = items;
            this.complete = complete;
            this.count = count;
            this.version = version;
            this.applied = applied;
        }

        Head(Document stored) {
            this(new ArrayList<>(stored.getList("items", Document.class, List.of())), stored.getBoolean("complete", false),
                    ((Number) stored.get("count", 0L)).longValue(), ((Number) stored.get("version", 0L)).longValue(),
                    stored.getList(AppliedEvents.FIELD, String.class, List.of()));
        }

        boolean applied(String eventId) {
            return applied.contains(eventId);
        }

        private void add(Document item) {
            String questionId = item.getString("id");
            if (items.stream().anyMatch(kept -> questionId.equals(kept.getString("id")))) {
                return;
            }
            count++;
            // older than every question kept, with older ones left out: it is beyond the head too
            if (!complete && !items.isEmpty() && NEWEST_FIRST.compare(item, items.get(items.size() - 1)) > 0) {
                return;
            }
            items.add(item);
            items.sort(NEWEST_FIRST);
            if (items.size() > SIZE) {
                items.subList(SIZE, items.size()).clear();
                complete = false;
            }
        }

        private void remove(String questionId) {
            count = Math.max(0, count - 1);
            items.removeIf(item -> questionId.equals(item.getString("id")));
        }

        /** How many questions the community has that are not deleted. */
        long count() {
            return count;
        }

        /**
         * The ids of the page after the cursor (the first page without one), one beyond the page
         * size to tell whether another follows; empty when the page reaches beyond the head.
         */
        Optional<List<String>> page(PageCursor after, int size) {
            int from = 0;
            if (after != null) {
                Document cursor = new Document("id", after.id())
                        .append("at", Date.from(after.createdAt().truncatedTo(ChronoUnit.MILLIS)));
                while (from < items.size() && NEWEST_FIRST.compare(items.get(from), cursor) <= 0) {
                    from++;
                }
            }
            int to = from + size + 1;
            if (to > items.size() && !complete) {
                return Optional.empty();
            }
            return Optional.of(items.subList(from, Math.min(to, items.size())).stream()
                    .map(item -> item.getString("id")).toList());
        }
    }
}
