package dev.praxis.query.flag;

import static dev.praxis.query.shared.AppliedEvents.applyOnce;
import static dev.praxis.query.shared.AppliedEvents.upsertOnce;

import dev.praxis.api.flag.FlagReviewed;
import dev.praxis.api.flag.PostFlagged;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The moderation queue: flagged posts with their open flags. A flag pushes onto the post's list and
 * a review empties it, both once per event (a review re-delivered after a later flag must not drop
 * that flag).
 */
@Component
@ProcessingGroup("flags")
public class FlagProjection {

    private final MongoTemplate mongo;

    public FlagProjection(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @EventHandler
    void on(PostFlagged event, EventMessage<?> message) {
        upsertOnce(mongo, ModerationQueueDocument.COLLECTION, event.postId(), message.getIdentifier(), new Update()
                .set("communityId", event.communityId())
                .set("postKind", event.postKind())
                .set("questionId", event.questionId())
                .set("postAuthorId", event.postAuthorId())
                .set("open", true)
                .min("firstFlaggedAt", event.occurredAt())
                .push("flags", new ModerationQueueDocument.Flag(event.actorId(), event.reason(), event.text(),
                        event.occurredAt())));
    }

    @EventHandler
    void on(FlagReviewed event, EventMessage<?> message) {
        applyOnce(mongo, ModerationQueueDocument.COLLECTION, event.postId(), message.getIdentifier(), new Update()
                .set("open", false)
                .unset("firstFlaggedAt")
                .set("flags", List.of()));
    }

    @ResetHandler
    void reset() {
        mongo.dropCollection(ModerationQueueDocument.COLLECTION);
    }
}
