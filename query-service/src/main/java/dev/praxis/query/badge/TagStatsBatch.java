package dev.praxis.query.badge;

import dev.praxis.query.shared.AppliedEvents;
import dev.praxis.query.shared.DeliveryHorizon;
import dev.praxis.query.shared.InBatch;
import dev.praxis.query.shared.PendingWrites;
import java.util.HashMap;
import java.util.Map;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;

/**
 * The members' statistics per tag as the batch in hand leaves them. Every answer posted and every
 * vote on an answer adds to the statistics of its author in each of its tags, and a badge depends on
 * the sums, so each addition used to be a find-and-modify of its own: 1.3 per stored event in a
 * replay, the largest count of any command. Within a batch most additions go to a few documents (the
 * same authors, the same tags), so here a document costs one find-and-modify the first time the
 * batch adds to it, which answers it as it is then; the batch's later additions to it are counted
 * on that copy and go to the server with the batch's other writes ({@link PendingWrites}), before the
 * processor stores its token.
 *
 * <p>Only this projection writes the statistics, and one processor runs it, so nothing else changes
 * them during the batch. A document the batch has not touched has no write pending, so its first
 * find-and-modify does not wait for the others' ({@link PendingWrites#readPast}). An event that may
 * have reached the projection before takes the checked path of {@link AppliedEvents}, which sends
 * the pending writes first and answers the document as the server has it.
 */
final class TagStatsBatch {

    private static final String RESOURCE = TagStatsBatch.class.getName();

    private final Map<String, Document> known = new HashMap<>();

    private TagStatsBatch() {
    }

    /** The batch's statistics (a fresh, empty one outside a unit of work: nothing is remembered). */
    static TagStatsBatch current() {
        return InBatch.remembered(RESOURCE, TagStatsBatch::new);
    }

    /**
     * Adds {@code answers} and {@code score} to the statistics {@code id} once for the event, and
     * answers them as they are afterwards; null when there are none.
     */
    Document add(MongoTemplate mongo, String id, String eventId, Update setting, int answers, int score) {
        Update update = setting.inc("answers", answers).inc("score", score);
        Document before = known.get(id);
        boolean first = DeliveryHorizon.firstDelivery();
        if (before == null || !first) {
            Document after = first
                    ? PendingWrites.readPast(() -> AppliedEvents.upsertOnceAndGet(mongo, BadgeProjection.TAG_STATS, id, eventId, update))
                    : AppliedEvents.upsertOnceAndGet(mongo, BadgeProjection.TAG_STATS, id, eventId, update);
            if (after == null) {
                known.remove(id);
            } else {
                known.put(id, after);
            }
            return after;
        }
        AppliedEvents.upsertOnce(mongo, BadgeProjection.TAG_STATS, id, eventId, update);
        Document after = new Document(before);
        after.put("answers", before.getInteger("answers", 0) + answers);
        after.put("score", before.getInteger("score", 0) + score);
        known.put(id, after);
        return after;
    }
}
