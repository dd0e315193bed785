package dev.praxis.query.tag;

import static dev.praxis.query.shared.AppliedEvents.upsertOnce;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import dev.praxis.api.question.QuestionAsked;
import dev.praxis.api.tag.TagCreated;
import dev.praxis.api.tag.TagDescriptionEdited;
import dev.praxis.api.tag.TagIds;
import dev.praxis.api.tag.TagSynonymAdded;
import dev.praxis.api.tag.TagSynonymRemoved;
import dev.praxis.query.shared.PendingWrites;
import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The tags of each community. A tag appears with {@code TagCreated} or with the first question that
 * carries it (the command side creates such tags implicitly); question counts are increments, made
 * once per event.
 */
@Component
@ProcessingGroup("tags")
public class TagProjection {

    private final MongoTemplate mongo;

    public TagProjection(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @EventHandler
    void on(TagCreated event) {
        PendingWrites.upsert(mongo, query(where("_id").is(event.tagId())), identity(new Update(), event.communityId(), event.name(), event.occurredAt())
                .set("description", event.description()), TagDocument.COLLECTION);
    }

    @EventHandler
    void on(TagDescriptionEdited event) {
        PendingWrites.upsert(mongo, query(where("_id").is(event.tagId())), identity(new Update(), event.communityId(), event.name(), event.occurredAt())
                .set("description", event.description()), TagDocument.COLLECTION);
    }

    @EventHandler
    void on(QuestionAsked event, EventMessage<?> message) {
        if (event.tags() == null) {
            return;
        }
        // each tag once, even if an event named one twice: one event's write per document
        for (String tag : new java.util.LinkedHashSet<>(event.tags())) {
            upsertOnce(mongo, TagDocument.COLLECTION, TagIds.of(event.communityId(), tag), message.getIdentifier(),
                    identity(new Update(), event.communityId(), tag, event.occurredAt()).inc("questionCount", 1L));
        }
    }

    @EventHandler
    void on(TagSynonymAdded event, EventMessage<?> message) {
        upsertOnce(mongo, TagDocument.COLLECTION, event.tagId(), message.getIdentifier(),
                identity(new Update(), event.communityId(), event.name(), event.occurredAt()).addToSet("synonyms", event.synonym()));
    }

    @EventHandler
    void on(TagSynonymRemoved event, EventMessage<?> message) {
        upsertOnce(mongo, TagDocument.COLLECTION, event.tagId(), message.getIdentifier(),
                new Update().pull("synonyms", event.synonym()));
    }

    private static Update identity(Update update, String communityId, String name, Instant at) {
        return update.set("communityId", communityId).set("name", name).setOnInsert("createdAt", at);
    }

    @ResetHandler
    void reset() {
        mongo.dropCollection(TagDocument.COLLECTION);
    }
}
