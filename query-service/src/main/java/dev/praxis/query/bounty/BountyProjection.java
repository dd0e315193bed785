package dev.praxis.query.bounty;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import dev.praxis.api.bounty.BountyAwarded;
import dev.praxis.api.bounty.BountyExpired;
import dev.praxis.api.bounty.BountyOffered;
import dev.praxis.query.shared.PendingWrites;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/** The latest bounty of each question, open or closed; every handler is a plain, idempotent {@code $set}. */
@Component
@ProcessingGroup("bounties")
public class BountyProjection {

    private final MongoTemplate mongo;

    public BountyProjection(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @EventHandler
    void on(BountyOffered event) {
        PendingWrites.upsert(mongo, query(where("_id").is(event.questionId())), new Update()
                .set("round", event.round())
                .set("open", true)
                .set("amount", event.amount())
                .set("offeredBy", event.actorId())
                .set("offeredAt", event.occurredAt())
                .set("expiresAt", event.expiresAt()), BountyDocument.COLLECTION);
    }

    @EventHandler
    void on(BountyAwarded event) {
        closed(event.questionId(), event.round());
    }

    @EventHandler
    void on(BountyExpired event) {
        closed(event.questionId(), event.round());
    }

    private void closed(String questionId, int round) {
        PendingWrites.updateFirst(mongo, query(where("_id").is(questionId).and("round").is(round)), new Update().set("open", false),
                BountyDocument.COLLECTION);
    }

    @ResetHandler
    void reset() {
        mongo.dropCollection(BountyDocument.COLLECTION);
    }
}
