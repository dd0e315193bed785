package dev.praxis.query.question;

import static dev.praxis.query.shared.AppliedEvents.applyOnce;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import dev.praxis.api.community.CommunityCreated;
import dev.praxis.api.question.AnswerAccepted;
import dev.praxis.api.question.AnswerAcceptanceWithdrawn;
import dev.praxis.api.question.AnswerEndorsed;
import dev.praxis.api.question.AnswerPosted;
import dev.praxis.api.question.PostKind;
import dev.praxis.api.question.QuestionAsked;
import dev.praxis.api.question.AnonymousVoteRecorded;
import dev.praxis.api.question.VoteCast;
import dev.praxis.api.question.AnswerEdited;
import dev.praxis.api.question.AnswerEndorsementWithdrawn;
import dev.praxis.api.question.PostDeleted;
import dev.praxis.api.question.PostUndeleted;
import dev.praxis.api.question.QuestionClosed;
import dev.praxis.api.question.QuestionEdited;
import dev.praxis.api.question.QuestionLocked;
import dev.praxis.api.question.QuestionReopened;
import dev.praxis.api.question.QuestionUnlocked;
import dev.praxis.api.question.VoteChanged;
import dev.praxis.api.question.VoteDirection;
import dev.praxis.api.question.VoteRetracted;
import dev.praxis.query.shared.AppliedEvents;
import dev.praxis.query.shared.PendingWrites;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Questions and their answers, shaped for a question page (one question by key, its answers by
 * key) and for a community's newest-first list. Every handler is idempotent: plain sets are by
 * nature, increments and pushes go through {@link dev.praxis.query.shared.AppliedEvents}.
 */
@Component
@ProcessingGroup("questions")
public class QuestionProjection {

    private final MongoTemplate mongo;
    private final CommunityQuestionHeads heads;

    public QuestionProjection(MongoTemplate mongo) {
        this.mongo = mongo;
        this.heads = new CommunityQuestionHeads(mongo);
        ensureIndexes();
    }

    private void ensureIndexes() {
        // the embedded server ignores secondary indexes; a real MongoDB needs this one for the community list
        mongo.indexOps(QuestionDocument.COLLECTION).createIndex(new Index()
                .on("communityId", Sort.Direction.ASC).on("createdAt", Sort.Direction.DESC).on("_id", Sort.Direction.DESC)
                .named("community_newest_first"));
    }

    @EventHandler
    void on(CommunityCreated event, EventMessage<?> message) {
        heads.created(event.communityId(), message.getIdentifier());
    }

    @EventHandler
    void on(QuestionAsked event, EventMessage<?> message) {
        heads.added(event.communityId(), event.questionId(), event.occurredAt(), message.getIdentifier());
        PendingWrites.upsert(mongo, query(where("_id").is(event.questionId())), new Update()
                .set("communityId", event.communityId())
                .set("title", event.title())
                .set("body", event.body())
                .set("tags", event.tags())
                .set("authorId", event.actorId())
                .set("createdAt", event.occurredAt())
                .max("lastActivityAt", event.occurredAt())
                .setOnInsert("score", 0)
                .setOnInsert("answerCount", 0)
                .setOnInsert("answerIds", List.of()), QuestionDocument.COLLECTION);
    }

    @EventHandler
    void on(AnswerPosted event, EventMessage<?> message) {
        PendingWrites.upsert(mongo, query(where("_id").is(event.answerId())), new Update()
                .set("questionId", event.questionId())
                .set("communityId", event.communityId())
                .set("body", event.body())
                .set("authorId", event.actorId())
                .set("createdAt", event.occurredAt())
                .setOnInsert("score", 0)
                .setOnInsert("accepted", false)
                .setOnInsert("endorsements", List.of()), AnswerDocument.COLLECTION);
        applyOnce(mongo, QuestionDocument.COLLECTION, event.questionId(), message.getIdentifier(), new Update()
                .push("answerIds", event.answerId())
                .inc("answerCount", 1)
                .max("lastActivityAt", event.occurredAt()));
    }

    @EventHandler
    void on(VoteCast event, EventMessage<?> message) {
        int delta = event.direction() == VoteDirection.UP ? 1 : -1;
        String collection = event.postKind() == PostKind.QUESTION ? QuestionDocument.COLLECTION : AnswerDocument.COLLECTION;
        applyOnce(mongo, collection, event.postId(), message.getIdentifier(), new Update().inc("score", delta));
    }

    /** An imported vote without a voter counts for the score like any other. */
    @EventHandler
    void on(AnonymousVoteRecorded event, EventMessage<?> message) {
        int delta = event.direction() == VoteDirection.UP ? 1 : -1;
        String collection = event.postKind() == PostKind.QUESTION ? QuestionDocument.COLLECTION : AnswerDocument.COLLECTION;
        applyOnce(mongo, collection, event.postId(), message.getIdentifier(), new Update().inc("score", delta));
    }

    @EventHandler
    void on(AnswerAccepted event) {
        PendingWrites.updateFirst(mongo, query(where("_id").is(event.questionId())),
                new Update().set("acceptedAnswerId", event.answerId()).max("lastActivityAt", event.occurredAt()),
                QuestionDocument.COLLECTION);
        PendingWrites.updateFirst(mongo, query(where("_id").is(event.answerId())), new Update().set("accepted", true),
                AnswerDocument.COLLECTION);
    }

    @EventHandler
    void on(AnswerAcceptanceWithdrawn event) {
        PendingWrites.updateFirst(mongo, query(where("_id").is(event.questionId()).and("acceptedAnswerId").is(event.answerId())),
                new Update().unset("acceptedAnswerId"), QuestionDocument.COLLECTION);
        PendingWrites.updateFirst(mongo, query(where("_id").is(event.answerId())), new Update().set("accepted", false),
                AnswerDocument.COLLECTION);
    }

    @EventHandler
    void on(AnswerEndorsed event, EventMessage<?> message) {
        applyOnce(mongo, AnswerDocument.COLLECTION, event.answerId(), message.getIdentifier(), new Update()
                .push("endorsements", new AnswerDocument.Endorsement(event.actorId(), event.note(), event.occurredAt())));
    }

    @EventHandler
    void on(VoteChanged event, EventMessage<?> message) {
        applyOnce(mongo, collectionOf(event.postKind()), event.postId(), message.getIdentifier(),
                new Update().inc("score", value(event.direction()) - value(event.previousDirection())));
    }

    @EventHandler
    void on(VoteRetracted event, EventMessage<?> message) {
        applyOnce(mongo, collectionOf(event.postKind()), event.postId(), message.getIdentifier(),
                new Update().inc("score", -value(event.direction())));
    }

    @EventHandler
    void on(AnswerEndorsementWithdrawn event, EventMessage<?> message) {
        applyOnce(mongo, AnswerDocument.COLLECTION, event.answerId(), message.getIdentifier(), new Update()
                .pull("endorsements", new org.bson.Document("memberId", event.actorId())));
    }

    @EventHandler
    void on(QuestionEdited event) {
        PendingWrites.updateFirst(mongo, query(where("_id").is(event.questionId())), new Update()
                .set("title", event.title())
                .set("body", event.body())
                .set("tags", event.tags())
                .set("revisionCount", event.revision())
                .set("lastEditedAt", event.occurredAt())
                .set("lastEditorId", event.actorId())
                .max("lastActivityAt", event.occurredAt()), QuestionDocument.COLLECTION);
    }

    @EventHandler
    void on(AnswerEdited event) {
        PendingWrites.updateFirst(mongo, query(where("_id").is(event.answerId())), new Update()
                .set("body", event.body())
                .set("revisionCount", event.revision())
                .set("lastEditedAt", event.occurredAt())
                .set("lastEditorId", event.actorId()), AnswerDocument.COLLECTION);
        PendingWrites.updateFirst(mongo, query(where("_id").is(event.questionId())), new Update().max("lastActivityAt", event.occurredAt()),
                QuestionDocument.COLLECTION);
    }

    @EventHandler
    void on(PostDeleted event, EventMessage<?> message) {
        markDeleted(event.questionId(), event.postId(), event.postKind(), true);
        if (event.postKind() == PostKind.QUESTION) {
            heads.removed(event.communityId(), event.postId(), message.getIdentifier());
        }
    }

    @EventHandler
    void on(PostUndeleted event, EventMessage<?> message) {
        markDeleted(event.questionId(), event.postId(), event.postKind(), false);
        if (event.postKind() == PostKind.QUESTION) {
            QuestionDocument question = AppliedEvents.findOneWithoutEventIds(mongo, query(where("_id").is(event.postId())),
                    QuestionDocument.class, QuestionDocument.COLLECTION);
            if (question != null) {
                heads.added(event.communityId(), event.postId(), question.createdAt(), message.getIdentifier());
            }
        }
    }

    private void markDeleted(String questionId, String postId, PostKind kind, boolean deleted) {
        PendingWrites.updateFirst(mongo, query(where("_id").is(postId)), new Update().set("deleted", deleted), collectionOf(kind));
        if (kind == PostKind.ANSWER) {
            Update hide = deleted ? new Update().addToSet("deletedAnswerIds", postId) : new Update().pull("deletedAnswerIds", postId);
            PendingWrites.updateFirst(mongo, query(where("_id").is(questionId)), hide, QuestionDocument.COLLECTION);
        }
    }

    @EventHandler
    void on(QuestionLocked event) {
        PendingWrites.updateFirst(mongo, query(where("_id").is(event.questionId())), new Update().set("locked", true), QuestionDocument.COLLECTION);
    }

    @EventHandler
    void on(QuestionUnlocked event) {
        PendingWrites.updateFirst(mongo, query(where("_id").is(event.questionId())), new Update().set("locked", false), QuestionDocument.COLLECTION);
    }

    @EventHandler
    void on(QuestionClosed event) {
        PendingWrites.updateFirst(mongo, query(where("_id").is(event.questionId())), new Update()
                .set("closed", true)
                .set("closeReason", event.reason().name())
                .set("duplicateOfQuestionId", event.duplicateOfQuestionId()), QuestionDocument.COLLECTION);
    }

    @EventHandler
    void on(QuestionReopened event) {
        PendingWrites.updateFirst(mongo, query(where("_id").is(event.questionId())), new Update()
                .set("closed", false).unset("closeReason").unset("duplicateOfQuestionId"), QuestionDocument.COLLECTION);
    }

    private static String collectionOf(PostKind kind) {
        return kind == PostKind.QUESTION ? QuestionDocument.COLLECTION : AnswerDocument.COLLECTION;
    }

    private static int value(VoteDirection direction) {
        return direction == VoteDirection.UP ? 1 : -1;
    }

    @ResetHandler
    void reset() {
        mongo.dropCollection(QuestionDocument.COLLECTION);
        mongo.dropCollection(AnswerDocument.COLLECTION);
        mongo.dropCollection(CommunityQuestionHeads.COLLECTION);
        ensureIndexes();
    }
}
