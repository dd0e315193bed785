package dev.praxis.query.knowledge;

import dev.praxis.query.shared.Exists;
import static dev.praxis.query.knowledge.KnowledgeCollections.CONTRIBUTIONS;
import static dev.praxis.query.knowledge.KnowledgeCollections.EXPERTISE;
import static dev.praxis.query.knowledge.KnowledgeCollections.expertiseId;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import dev.praxis.query.shared.AppliedEvents;
import dev.praxis.query.shared.PendingWrites;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Keeps the contributions (evidence) and the expertise sums consistent. Each change of a sum is an
 * increment guarded by {@link AppliedEvents} with a marker naming the event, the step and the
 * contribution, so a redelivered event, or one interrupted half way and delivered again, moves no
 * sum twice; the contribution documents themselves change by plain writes.
 */
final class ExpertiseLedger {

    private final MongoTemplate mongo;
    private final Decay decay;

    ExpertiseLedger(MongoTemplate mongo, Decay decay) {
        this.mongo = mongo;
        this.decay = decay;
    }

    /**
     * Credits the contribution in each topic; an inactive one (its post deleted) is kept but not
     * counted. Both the contributions (plain upserts, the same again on a redelivery) and the guarded
     * sums go with the batch's other writes.
     */
    void credit(Contribution c, Collection<String> topics, boolean active) {
        if (topics.isEmpty()) {
            return;
        }
        List<AppliedEvents.Marked> sums = new ArrayList<>();
        for (String topic : topics) {
            String id = c.key() + "|" + c.communityId() + "|" + topic;
            double term = decay.term(c.kind().weight(), c.occurredAt());
            PendingWrites.upsert(mongo, query(where("_id").is(id)), new Update()
                    .set("key", c.key())
                    .set("communityId", c.communityId())
                    .set("topic", topic)
                    .set("memberId", c.memberId())
                    .set("kind", c.kind().name())
                    .set("weight", c.kind().weight())
                    .set("term", term)
                    .set("eventId", c.eventId())
                    .set("eventType", c.eventType())
                    .set("questionId", c.questionId())
                    .set("postId", c.postId())
                    .set("actorId", c.actorId())
                    .set("occurredAt", c.occurredAt())
                    .set("active", active), CONTRIBUTIONS);
            if (active) {
                sums.add(new AppliedEvents.Marked(expertiseId(c.communityId(), topic, c.memberId()),
                        c.eventId() + "|do|" + id, moveUpdate(c.communityId(), topic, c.memberId(), term, 1, c)));
            }
        }
        AppliedEvents.upsertAllOnce(mongo, EXPERTISE, sums);
    }

    /** Reverses every contribution of a cause (a retracted vote, a withdrawn endorsement), except one the event itself made. */
    void withdraw(String key, String eventId) {
        for (Document contribution : mongo.find(query(where("key").is(key)), Document.class, CONTRIBUTIONS)) {
            if (eventId.equals(contribution.getString("eventId"))) {
                continue;
            }
            remove(contribution, eventId);
        }
    }

    /** The contributions of a cause, to re-credit them elsewhere (a skill endorsement's communities). */
    List<Document> contributions(Criteria criteria) {
        return mongo.find(query(criteria), Document.class, CONTRIBUTIONS);
    }

    /** Removes one contribution, subtracting its term if it counted. */
    void remove(Document contribution, String eventId) {
        String id = contribution.getString("_id");
        if (contribution.getBoolean("active", false)) {
            move(eventId + "|undo|" + id, contribution.getString("communityId"), contribution.getString("topic"),
                    contribution.getString("memberId"), -contribution.getDouble("term"), -1, null);
        }
        mongo.remove(query(where("_id").is(id)), CONTRIBUTIONS);
        zeroWhenEmpty(contribution);
    }

    /** Stops counting the matching contributions (their post was deleted); they stay, to count again on undeletion. */
    void deactivate(Criteria criteria, String eventId) {
        for (Document contribution : contributions(new Criteria().andOperator(criteria, where("active").is(true)))) {
            String id = contribution.getString("_id");
            move(eventId + "|off|" + id, contribution.getString("communityId"), contribution.getString("topic"),
                    contribution.getString("memberId"), -contribution.getDouble("term"), -1, null);
            PendingWrites.updateFirst(mongo, query(where("_id").is(id)), new Update().set("active", false), CONTRIBUTIONS);
            zeroWhenEmpty(contribution);
        }
    }

    /** Counts the matching inactive contributions again (their post was undeleted). */
    void activate(Criteria criteria, String eventId) {
        for (Document contribution : contributions(new Criteria().andOperator(criteria, where("active").is(false)))) {
            String id = contribution.getString("_id");
            move(eventId + "|on|" + id, contribution.getString("communityId"), contribution.getString("topic"),
                    contribution.getString("memberId"), contribution.getDouble("term"), 1, null);
            PendingWrites.updateFirst(mongo, query(where("_id").is(id)), new Update().set("active", true), CONTRIBUTIONS);
        }
    }

    /** Copies a contribution to another topic (a retag, a synonym merged into its master) unless the cause is credited there already. */
    void copyTo(Document contribution, String topic, String eventId) {
        String key = contribution.getString("key");
        String communityId = contribution.getString("communityId");
        String id = key + "|" + communityId + "|" + topic;
        if (Exists.any(mongo, query(where("_id").is(id)), CONTRIBUTIONS)) {
            return;
        }
        Document copy = new Document(contribution);
        copy.put("_id", id);
        copy.put("topic", topic);
        mongo.save(copy, CONTRIBUTIONS);
        if (copy.getBoolean("active", false)) {
            move(eventId + "|do|" + id, communityId, topic, contribution.getString("memberId"), copy.getDouble("term"), 1,
                    null);
            PendingWrites.updateFirst(mongo, query(where("_id").is(expertiseId(communityId, topic, contribution.getString("memberId")))),
                    new Update().max("lastEvidenceAt", contribution.getDate("occurredAt"))
                            .max("lastActiveAt", contribution.getDate("occurredAt")), EXPERTISE);
        }
    }

    /** Notes activity of a member in a topic (an answer posted) without changing the score. */
    void touch(String communityId, String topic, String memberId, java.time.Instant at) {
        PendingWrites.upsert(mongo, query(where("_id").is(expertiseId(communityId, topic, memberId))), new Update()
                .setOnInsert("communityId", communityId)
                .setOnInsert("topic", topic)
                .setOnInsert("memberId", memberId)
                .setOnInsert("s", 0.0)
                .setOnInsert("evidenceCount", 0)
                .max("lastActiveAt", at), EXPERTISE);
    }

    private void move(String marker, String communityId, String topic, String memberId, double term, int count,
                      Contribution cause) {
        AppliedEvents.upsertOnce(mongo, EXPERTISE, expertiseId(communityId, topic, memberId), marker,
                moveUpdate(communityId, topic, memberId, term, count, cause));
    }

    private static Update moveUpdate(String communityId, String topic, String memberId, double term, int count,
                                     Contribution cause) {
        Update update = new Update()
                .setOnInsert("communityId", communityId)
                .setOnInsert("topic", topic)
                .setOnInsert("memberId", memberId)
                .inc("s", term)
                .inc("evidenceCount", count);
        if (cause != null) {
            update.max("lastEvidenceAt", cause.occurredAt()).max("lastActiveAt", cause.occurredAt());
        }
        return update;
    }

    /**
     * A sum whose evidence is all gone is exactly zero, not the rounding left by adding and
     * subtracting the same terms.
     */
    private void zeroWhenEmpty(Document contribution) {
        PendingWrites.updateFirst(mongo, query(where("_id").is(expertiseId(contribution.getString("communityId"),
                        contribution.getString("topic"), contribution.getString("memberId"))).and("evidenceCount").lte(0)),
                new Update().set("s", 0.0), EXPERTISE);
    }
}
