package dev.praxis.query.notification;

import static dev.praxis.query.shared.AppliedEvents.upsertOnce;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import dev.praxis.query.shared.DeliveryHorizon;
import dev.praxis.query.shared.PendingWrites;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Collection;
import java.util.UUID;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The one way to add, retract and read notifications, for this package's projection and for any
 * other projection that has something to tell a member (a badge awarded, say): call
 * {@link #notify(NewNotification)} from an event handler, with the event's global position. Every
 * method is idempotent, so it is safe in a handler that an event reaches twice.
 *
 * <p>Collections: {@code notifications} (one document per recipient, type and subject) and
 * {@code notification_inboxes} (per member: the unread count, read by key). The count is kept
 * exact without transactions: each notification records whether the count includes it
 * ({@code counted}) and how often that flipped ({@code flips}); a flip first moves the count under
 * the key {@code <id>#<flips>} (applied once) and then records itself with a compare-and-set, so a
 * crash between the two is healed by doing the same again. A notification is inserted unread, so
 * one never flipped is owed its first count: the batch that inserted it makes it, and so does any
 * recount that finds it before that (a member who marks it read at once, from another processor's
 * thread), the keyed move letting only one of the two land.
 */
@Component
public class Notifications {

    static final String NOTIFICATIONS = "notifications";
    static final String INBOXES = "notification_inboxes";
    private static final int ATTEMPTS = 20;

    private final MongoTemplate mongo;

    public Notifications(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** The notification's id: the same recipient, type and subject always name the same notification. */
    public static String idOf(String recipientId, String type, String subject) {
        return UUID.nameUUIDFromBytes((recipientId + "\n" + type + "\n" + subject).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    /**
     * Adds the notification, unread, unless the recipient is the actor. Notified again with a later
     * position, it is renewed (unread again, no longer retracted); with the same or an earlier one
     * (a re-delivery, a replay) nothing changes.
     */
    public void notify(NewNotification n) {
        if (n.recipientId() == null || n.recipientId().equals(n.actorId())) {
            return;
        }
        String id = idOf(n.recipientId(), n.type(), n.subject());
        Update notification = new Update()
                .set("recipientId", n.recipientId())
                .set("type", n.type())
                .set("subject", n.subject())
                .set("communityId", n.communityId())
                .set("questionId", n.questionId())
                .set("postId", n.postId())
                .set("actorId", n.actorId())
                .set("detail", n.detail())
                .set("occurredAt", n.occurredAt())
                .set("position", n.position())
                .set("read", false)
                .set("retracted", false)
                .setOnInsert("counted", false)
                .setOnInsert("flips", 0L);
        // in a batch the upsert goes with the batch's other notifications, one command for them all;
        // the count follows when the answer is known
        PendingWrites.upsert(mongo, id, query(where("_id").is(id).and("position").lt(n.position())), notification,
                NOTIFICATIONS, upserted -> count(id, n.recipientId(), upserted));
    }

    private void count(String id, String recipientId, PendingWrites.Upserted upserted) {
        if (upserted == PendingWrites.Upserted.INSERTED && DeliveryHorizon.firstDelivery()) {
            // inserted just now by an event new to its projection: unread, not counted, never flipped;
            // only this batch writes it from here on, in order, so its first flip cannot miss and goes
            // with the batch's writes, after the count it records
            countNew(id, recipientId);
            return;
        }
        // inserted just now: unread, not counted, never flipped, so the first flip needs no read of it
        if (upserted == PendingWrites.Upserted.INSERTED && flip(id, recipientId, false, 0L, true)) {
            return;
        }
        // renewed, or it exists with this position or a later one (a delivery that stopped before
        // counting it is healed here)
        recount(id);
    }

    /** The first flip of a notification inserted just now, both writes with the batch (the count ahead). */
    private void countNew(String id, String recipientId) {
        PendingWrites.ahead(mongo, INBOXES);
        upsertOnce(mongo, INBOXES, recipientId, id + "#0", new Update().inc("unread", 1));
        PendingWrites.updateFirst(mongo, query(where("_id").is(id).and("counted").is(false).and("flips").is(0L)),
                new Update().set("counted", true).set("flips", 1L), NOTIFICATIONS);
    }

    /**
     * Retracts (or, with {@code retracted} false, restores) the notifications that match: their
     * cause was taken back (an acceptance withdrawn, a comment deleted).
     */
    public void retract(Criteria which, boolean retracted) {
        PendingWrites.updateMulti(mongo, query(which), new Update().set("retracted", retracted), NOTIFICATIONS);
        recountAll(which);
    }

    /** Marks the member's notifications read: only their own, whatever ids are named. */
    public void markRead(String memberId, Collection<String> ids, Instant at) {
        Criteria which = where("_id").in(ids).and("recipientId").is(memberId);
        PendingWrites.updateMulti(mongo, query(which).addCriteria(where("read").is(false)),
                new Update().set("read", true).set("readAt", at), NOTIFICATIONS);
        recountAll(which);
    }

    /** Marks read every notification of the member caused at {@code upTo} or before. */
    public void markAllRead(String memberId, long upTo, Instant at) {
        Criteria which = where("recipientId").is(memberId).and("position").lte(upTo);
        PendingWrites.updateMulti(mongo, query(which).addCriteria(where("read").is(false)),
                new Update().set("read", true).set("readAt", at), NOTIFICATIONS);
        PendingWrites.upsert(mongo, query(where("_id").is(memberId)), new Update().max("readUpTo", upTo), INBOXES);
        recountAll(where("recipientId").is(memberId).and("counted").is(true).and("read").is(true));
    }

    /** How many unread notifications the member has: one document read by key. */
    public long unreadCount(String memberId) {
        Document inbox = mongo.findOne(query(where("_id").is(memberId)), Document.class, INBOXES);
        return inbox == null ? 0 : inbox.get("unread", Number.class) == null ? 0 : inbox.get("unread", Number.class).longValue();
    }

    private void recountAll(Criteria which) {
        Query ids = query(which);
        ids.fields().include("_id");
        mongo.find(ids, Document.class, NOTIFICATIONS).forEach(n -> recount(n.getString("_id")));
    }

    /** Brings the member's unread count in line with one notification (see the class comment). */
    private void recount(String id) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Document n = mongo.findOne(query(where("_id").is(id)), Document.class, NOTIFICATIONS);
            if (n == null) {
                return;
            }
            boolean counted = n.getBoolean("counted", false);
            long flips = n.get("flips", Number.class).longValue();
            if (!counted && flips == 0) {
                // Never flipped: its first count (+1, it was inserted unread) is owed, and may be on its
                // way from the batch that inserted it, on another processor's thread. Make it here (the
                // move is keyed, so only one of the two lands; the other's record finds it taken), then
                // bring the notification in line with what happened since: read or retracted meanwhile,
                // it is counted out again.
                flip(id, n.getString("recipientId"), false, 0L, true);
                continue;
            }
            boolean unread = !n.getBoolean("read", false) && !n.getBoolean("retracted", false);
            if (counted == unread) {
                return;
            }
            if (flip(id, n.getString("recipientId"), counted, flips, unread)) {
                return;
            }
        }
        throw new IllegalStateException("The notification " + id + " is contended beyond " + ATTEMPTS + " attempts.");
    }

    /**
     * Moves the recipient's unread count for the notification found with {@code counted} and
     * {@code flips}, then records that with a compare-and-set; false when the notification changed
     * meanwhile (the caller reads it again).
     */
    private boolean flip(String id, String recipientId, boolean counted, long flips, boolean unread) {
        // the count, held back with the batch's writes, must reach the server before the flip's record
        PendingWrites.ahead(mongo, INBOXES);
        upsertOnce(mongo, INBOXES, recipientId, id + "#" + flips, new Update().inc("unread", unread ? 1 : -1));
        return mongo.updateFirst(query(where("_id").is(id).and("counted").is(counted).and("flips").is(flips)),
                new Update().set("counted", unread).set("flips", flips + 1), NOTIFICATIONS).getModifiedCount() > 0;
    }
}
