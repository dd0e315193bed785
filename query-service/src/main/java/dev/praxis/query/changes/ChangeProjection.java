package dev.praxis.query.changes;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import dev.praxis.api.question.AnswerAcceptanceWithdrawn;
import dev.praxis.api.question.AnswerAccepted;
import dev.praxis.api.question.AnswerEdited;
import dev.praxis.api.question.AnswerEndorsed;
import dev.praxis.api.question.AnswerEndorsementWithdrawn;
import dev.praxis.api.question.AnswerPosted;
import dev.praxis.api.question.CommentAdded;
import dev.praxis.api.question.CommentDeleted;
import dev.praxis.api.question.CommentEdited;
import dev.praxis.api.question.PostDeleted;
import dev.praxis.api.question.PostUndeleted;
import dev.praxis.api.question.QuestionAsked;
import dev.praxis.api.question.QuestionClosed;
import dev.praxis.api.question.QuestionEdited;
import dev.praxis.api.question.QuestionLocked;
import dev.praxis.api.question.QuestionReopened;
import dev.praxis.api.question.QuestionUnlocked;
import dev.praxis.api.question.VoteCast;
import dev.praxis.api.question.VoteChanged;
import dev.praxis.api.question.VoteRetracted;
import dev.praxis.query.shared.InBatch;
import dev.praxis.query.shared.PendingWrites;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The change log behind subscriptions: one document per event that a subscriber of a question
 * ({@code question:<id>}: edits, answers, comments, votes, acceptance, endorsements, close, lock,
 * delete) or of a community ({@code community:<id>}: new questions and answers) is told about,
 * keyed by the event's global position. A document is a plain upsert by that key, so an event
 * delivered twice writes the same document twice. Votes record no actor: votes are anonymous.
 */
@Component
@ProcessingGroup(ChangeProjection.PROCESSING_GROUP)
public class ChangeProjection {

    public static final String PROCESSING_GROUP = "changes";
    /** The batch's changes waiting for their events' positions ({@link InBatch}), by event id. */
    private static final String PENDING = ChangeProjection.class.getName() + ".pending";

    private final MongoTemplate mongo;
    private final EventPositions positions;

    public ChangeProjection(MongoTemplate mongo, EventPositions positions) {
        this.mongo = mongo;
        this.positions = positions;
        // the embedded server ignores secondary indexes; a real MongoDB needs this one to tail a topic
        mongo.indexOps(ChangeDocument.COLLECTION).createIndex(new Index()
                .on("topics", Sort.Direction.ASC).on("_id", Sort.Direction.ASC).named("topic_in_order"));
    }

    @EventHandler
    void on(QuestionAsked e, @MessageIdentifier String eventId) {
        record(eventId, e, e.questionId(), e.communityId(), e.questionId(), e.actorId(), e.occurredAt(), true);
    }

    @EventHandler
    void on(QuestionEdited e, @MessageIdentifier String eventId) {
        record(eventId, e, e.questionId(), e.communityId(), e.questionId(), e.actorId(), e.occurredAt(), false);
    }

    @EventHandler
    void on(AnswerPosted e, @MessageIdentifier String eventId) {
        record(eventId, e, e.questionId(), e.communityId(), e.answerId(), e.actorId(), e.occurredAt(), true);
    }

    @EventHandler
    void on(AnswerEdited e, @MessageIdentifier String eventId) {
        record(eventId, e, e.questionId(), e.communityId(), e.answerId(), e.actorId(), e.occurredAt(), false);
    }

    @EventHandler
    void on(CommentAdded e, @MessageIdentifier String eventId) {
        record(eventId, e, e.questionId(), e.communityId(), e.commentId(), e.actorId(), e.occurredAt(), false);
    }

    @EventHandler
    void on(CommentEdited e, @MessageIdentifier String eventId) {
        record(eventId, e, e.questionId(), e.communityId(), e.commentId(), e.actorId(), e.occurredAt(), false);
    }

    @EventHandler
    void on(CommentDeleted e, @MessageIdentifier String eventId) {
        record(eventId, e, e.questionId(), e.communityId(), e.commentId(), e.actorId(), e.occurredAt(), false);
    }

    @EventHandler
    void on(VoteCast e, @MessageIdentifier String eventId) {
        record(eventId, e, e.questionId(), e.communityId(), e.postId(), null, e.occurredAt(), false);
    }

    @EventHandler
    void on(VoteChanged e, @MessageIdentifier String eventId) {
        record(eventId, e, e.questionId(), e.communityId(), e.postId(), null, e.occurredAt(), false);
    }

    @EventHandler
    void on(VoteRetracted e, @MessageIdentifier String eventId) {
        record(eventId, e, e.questionId(), e.communityId(), e.postId(), null, e.occurredAt(), false);
    }

    @EventHandler
    void on(AnswerAccepted e, @MessageIdentifier String eventId) {
        record(eventId, e, e.questionId(), e.communityId(), e.answerId(), e.actorId(), e.occurredAt(), false);
    }

    @EventHandler
    void on(AnswerAcceptanceWithdrawn e, @MessageIdentifier String eventId) {
        record(eventId, e, e.questionId(), e.communityId(), e.answerId(), e.actorId(), e.occurredAt(), false);
    }

    @EventHandler
    void on(AnswerEndorsed e, @MessageIdentifier String eventId) {
        record(eventId, e, e.questionId(), e.communityId(), e.answerId(), e.actorId(), e.occurredAt(), false);
    }

    @EventHandler
    void on(AnswerEndorsementWithdrawn e, @MessageIdentifier String eventId) {
        record(eventId, e, e.questionId(), e.communityId(), e.answerId(), e.actorId(), e.occurredAt(), false);
    }

    @EventHandler
    void on(QuestionClosed e, @MessageIdentifier String eventId) {
        record(eventId, e, e.questionId(), e.communityId(), e.questionId(), e.actorId(), e.occurredAt(), false);
    }

    @EventHandler
    void on(QuestionReopened e, @MessageIdentifier String eventId) {
        record(eventId, e, e.questionId(), e.communityId(), e.questionId(), e.actorId(), e.occurredAt(), false);
    }

    @EventHandler
    void on(QuestionLocked e, @MessageIdentifier String eventId) {
        record(eventId, e, e.questionId(), e.communityId(), e.questionId(), e.actorId(), e.occurredAt(), false);
    }

    @EventHandler
    void on(QuestionUnlocked e, @MessageIdentifier String eventId) {
        record(eventId, e, e.questionId(), e.communityId(), e.questionId(), e.actorId(), e.occurredAt(), false);
    }

    @EventHandler
    void on(PostDeleted e, @MessageIdentifier String eventId) {
        record(eventId, e, e.questionId(), e.communityId(), e.postId(), e.actorId(), e.occurredAt(), false);
    }

    @EventHandler
    void on(PostUndeleted e, @MessageIdentifier String eventId) {
        record(eventId, e, e.questionId(), e.communityId(), e.postId(), e.actorId(), e.occurredAt(), false);
    }

    /**
     * @param communityActivity whether the change is also news for the whole community (a new
     *                          question or answer), not only for those watching the question
     */
    private void record(String eventId, Object event, String questionId, String communityId, String subjectId,
            String actorId, Instant occurredAt, boolean communityActivity) {
        List<String> topics = communityActivity
                ? List.of(Topics.question(questionId), Topics.community(communityId))
                : List.of(Topics.question(questionId));
        Update change = new Update()
                .set("topics", topics)
                .set("kind", kindOf(event))
                .set("communityId", communityId)
                .set("questionId", questionId)
                .set("subjectId", subjectId)
                .set("actorId", actorId)
                .set("occurredAt", occurredAt);
        // in a batch, the events' positions are read together at its end, in one query
        if (PendingWrites.atBatchEnd(mongo, PENDING, this::recordPending)) {
            InBatch.<Map<String, Update>>remembered(PENDING, LinkedHashMap::new).put(eventId, change);
            return;
        }
        PendingWrites.upsert(mongo, query(where("_id").is(positions.of(eventId))), change, ChangeDocument.COLLECTION);
    }

    /** At the batch's end: the changes it recorded, each under its event's position. */
    private void recordPending() {
        Map<String, Update> pending = InBatch.remembered(PENDING, LinkedHashMap::new);
        Map<String, Long> at = positions.of(pending.keySet());
        pending.forEach((eventId, change) -> PendingWrites.upsert(mongo, query(where("_id").is(at.get(eventId))), change,
                ChangeDocument.COLLECTION));
        pending.clear();
    }

    /** The event's simple name in UPPER_SNAKE: {@code AnswerPosted} becomes {@code ANSWER_POSTED}. */
    static String kindOf(Object event) {
        return event.getClass().getSimpleName().replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
    }

    @ResetHandler
    void reset() {
        mongo.dropCollection(ChangeDocument.COLLECTION);
    }
}
