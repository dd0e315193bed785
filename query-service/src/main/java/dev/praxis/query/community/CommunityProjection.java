package dev.praxis.query.community;

import static dev.praxis.query.shared.AppliedEvents.applyOnce;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import dev.praxis.api.community.CommunityCreated;
import dev.praxis.api.community.CommunityDescriptionChanged;
import dev.praxis.api.community.CommunityVisibilityChanged;
import dev.praxis.api.community.MemberBanned;
import dev.praxis.api.community.MemberJoinedCommunity;
import dev.praxis.api.community.MemberLeftCommunity;
import dev.praxis.api.question.QuestionAsked;
import dev.praxis.query.shared.PendingWrites;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/** Communities with their member and question counts; every handler is idempotent. */
@Component
@ProcessingGroup("communities")
public class CommunityProjection {

    private final MongoTemplate mongo;

    public CommunityProjection(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @EventHandler
    void on(CommunityCreated event) {
        PendingWrites.upsert(mongo, query(where("_id").is(event.communityId())), new Update()
                .set("name", event.name())
                .set("description", event.description())
                .set("createdBy", event.actorId())
                .set("createdAt", event.occurredAt())
                .setOnInsert("memberCount", 0L)
                .setOnInsert("questionCount", 0L), CommunityDocument.COLLECTION);
    }

    @EventHandler
    void on(MemberJoinedCommunity event, EventMessage<?> message) {
        applyOnce(mongo, CommunityDocument.COLLECTION, event.communityId(), message.getIdentifier(),
                new Update().inc("memberCount", 1L));
    }

    @EventHandler
    void on(MemberLeftCommunity event, EventMessage<?> message) {
        applyOnce(mongo, CommunityDocument.COLLECTION, event.communityId(), message.getIdentifier(),
                new Update().inc("memberCount", -1L));
    }

    @EventHandler
    void on(MemberBanned event, EventMessage<?> message) {
        if (event.wasMember()) {
            applyOnce(mongo, CommunityDocument.COLLECTION, event.communityId(), message.getIdentifier(),
                    new Update().inc("memberCount", -1L));
        }
    }

    @EventHandler
    void on(CommunityVisibilityChanged event) {
        PendingWrites.updateFirst(mongo, query(where("_id").is(event.communityId())), new Update().set("visibility", event.visibility()),
                CommunityDocument.COLLECTION);
    }

    @EventHandler
    void on(CommunityDescriptionChanged event) {
        PendingWrites.updateFirst(mongo, query(where("_id").is(event.communityId())), new Update().set("description", event.description()),
                CommunityDocument.COLLECTION);
    }

    @EventHandler
    void on(QuestionAsked event, EventMessage<?> message) {
        applyOnce(mongo, CommunityDocument.COLLECTION, event.communityId(), message.getIdentifier(),
                new Update().inc("questionCount", 1L));
    }

    @ResetHandler
    void reset() {
        mongo.dropCollection(CommunityDocument.COLLECTION);
    }
}
