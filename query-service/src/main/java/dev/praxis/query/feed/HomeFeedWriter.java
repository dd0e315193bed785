package dev.praxis.query.feed;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.List;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Appends items to members' home feeds, fanned out on write into pages of {@value #PAGE_ITEMS}
 * items: page {@code n} of a member ({@code home_feed_pages/<memberId>/<n>}) holds their items
 * numbered {@code n * PAGE_ITEMS + 1} to {@code (n + 1) * PAGE_ITEMS}. The head
 * ({@code home_feed_heads/<memberId>}) holds the last number given out, so the newest page is known
 * without a search, and every page is read by key.
 *
 * <p>Idempotent in two steps, each safe to repeat: the head gives an event its item number once and
 * remembers which event got which number (for the last {@value #REMEMBERED} events, far more than a
 * processor batch re-delivers), and the page takes an item only when it does not hold that number
 * yet. A crash between the steps is healed by the re-delivery, which finds the number already given.
 */
final class HomeFeedWriter {

    static final String HEADS = "home_feed_heads";
    static final String PAGES = "home_feed_pages";
    static final int PAGE_ITEMS = 50;
    static final int REMEMBERED = 200;
    private static final int ATTEMPTS = 20;

    private final MongoTemplate mongo;

    HomeFeedWriter(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    static long pageOf(long number) {
        return (number - 1) / PAGE_ITEMS;
    }

    static String pageId(String memberId, long page) {
        return memberId + "/" + page;
    }

    void append(String memberId, String eventId, Document item) {
        long number = numberFor(memberId, eventId);
        long page = pageOf(number);
        try {
            mongo.upsert(query(where("_id").is(pageId(memberId, page)).and("items.number").ne(number)), new Update()
                    .setOnInsert("memberId", memberId)
                    .setOnInsert("page", page)
                    .push("items", item.append("number", number)), PAGES);
        } catch (DuplicateKeyException alreadyThere) {
            // the page exists and holds this item: a re-delivery
        }
    }

    /** The item number of this event in the member's feed, given once (compare-and-set on the head). */
    private long numberFor(String memberId, String eventId) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Document head = mongo.findOne(query(where("_id").is(memberId)), Document.class, HEADS);
            if (head == null) {
                try {
                    mongo.insert(new Document("_id", memberId).append("last", 1L)
                            .append("assigned", List.of(new Document("event", eventId).append("number", 1L))), HEADS);
                    return 1;
                } catch (DuplicateKeyException concurrent) {
                    continue;
                }
            }
            for (Document assigned : head.getList("assigned", Document.class, List.of())) {
                if (eventId.equals(assigned.getString("event"))) {
                    return assigned.get("number", Number.class).longValue();
                }
            }
            long last = head.get("last", Number.class).longValue();
            long next = last + 1;
            boolean given = mongo.updateFirst(query(where("_id").is(memberId).and("last").is(last)), new Update()
                    .set("last", next)
                    .push("assigned").slice(-REMEMBERED).each(new Document("event", eventId).append("number", next)),
                    HEADS).getModifiedCount() > 0;
            if (given) {
                return next;
            }
        }
        throw new IllegalStateException("The home feed of " + memberId + " is contended beyond " + ATTEMPTS + " attempts.");
    }
}
