package dev.praxis.query.badge;

import static dev.praxis.query.shared.AppliedEvents.applyOnceAndGet;
import static dev.praxis.query.shared.AppliedEvents.upsertOnceAndGet;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import dev.praxis.api.article.ArticleEdited;
import dev.praxis.api.question.AnswerAccepted;
import dev.praxis.api.question.AnswerEdited;
import dev.praxis.api.question.AnswerPosted;
import dev.praxis.api.question.CommentAdded;
import dev.praxis.api.question.PostDeleted;
import dev.praxis.api.question.PostKind;
import dev.praxis.api.question.PostUndeleted;
import dev.praxis.api.question.QuestionAsked;
import dev.praxis.api.question.QuestionEdited;
import dev.praxis.api.question.AnonymousVoteRecorded;
import dev.praxis.api.question.VoteCast;
import dev.praxis.api.question.VoteChanged;
import dev.praxis.api.question.VoteDirection;
import dev.praxis.api.question.VoteRetracted;
import dev.praxis.query.feed.EventPosition;
import dev.praxis.query.shared.AppliedEvents;
import dev.praxis.query.shared.DeliveryHorizon;
import dev.praxis.query.shared.KnownInBatch;
import dev.praxis.query.shared.PendingWrites;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.bson.Document;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Badges from the event stream: post scores, per-member counters and per-tag answer statistics (an
 * answer counts in its question's tags as they were when it was posted; a deleted answer leaves
 * them), and the badges they earn, each stored once with the event that earned it. Increments go
 * through {@code AppliedEvents}; an award is an insert-if-absent, so redeliveries change nothing and
 * a {@link BadgeAwardListener} hears of each badge once (again only when the event that earned it
 * is delivered again).
 */
@Component
@ProcessingGroup("badges")
public class BadgeProjection {

    static final String BADGES = "badges";
    static final String POSTS = "badge_posts";
    static final String COUNTS = "badge_counts";
    static final String TAG_STATS = "badge_tag_stats";

    /** The unit-of-work resource holding the awards a batch has stored or found already stored. */
    private static final String STORED_IN_BATCH = BadgeProjection.class.getName() + ".stored";

    private final MongoTemplate mongo;
    private final List<BadgeAwardListener> listeners;

    @Autowired
    public BadgeProjection(MongoTemplate mongo, ObjectProvider<BadgeAwardListener> listeners) {
        this(mongo, listeners.orderedStream().toList());
    }

    public BadgeProjection(MongoTemplate mongo, List<BadgeAwardListener> listeners) {
        this.mongo = mongo;
        this.listeners = List.copyOf(listeners);
        // the embedded server ignores secondary indexes; a real MongoDB needs this one for a member's badges
        mongo.indexOps(BADGES).createIndex(new Index().on("memberId", Sort.Direction.ASC)
                .on("awardedAt", Sort.Direction.DESC).named("member_newest_first"));
    }

    @EventHandler
    void on(QuestionAsked event) {
        created(event.questionId(), new Update().set("communityId", event.communityId()).set("questionId", event.questionId())
                .set("kind", PostKind.QUESTION.name()).set("authorId", event.actorId()).set("tags", tags(event.tags()))
                .setOnInsert("score", 0));
    }

    @EventHandler
    void on(AnswerPosted event, EventMessage<?> message) {
        Document question = posts().findById(mongo, event.questionId());
        List<String> tags = question == null ? List.of() : question.getList("tags", String.class);
        created(event.answerId(), new Update().set("communityId", event.communityId()).set("questionId", event.questionId())
                .set("kind", PostKind.ANSWER.name()).set("authorId", event.actorId()).setOnInsert("tags", tags)
                .setOnInsert("score", 0));
        // new to the projection, the answer had no document: it has its question's tags (no read needed);
        // delivered again, it keeps the tags it was first given
        List<String> answerTags = DeliveryHorizon.firstDelivery() ? tags
                : posts().findById(mongo, event.answerId()).getList("tags", String.class);
        for (String tag : answerTags) {
            tagStats(event.communityId(), event.actorId(), tag, message, 1, 0, event.occurredAt());
        }
    }

    @EventHandler
    void on(QuestionEdited event, EventMessage<?> message) {
        if (event.tags() != null) {
            PendingWrites.updateFirst(mongo, query(where("_id").is(event.questionId())), new Update().set("tags", tags(event.tags())), POSTS);
            posts().set(event.questionId(), "tags", tags(event.tags()));
        }
        edited(event.communityId(), event.actorId(), event.occurredAt(), message);
    }

    @EventHandler
    void on(AnswerEdited event, EventMessage<?> message) {
        edited(event.communityId(), event.actorId(), event.occurredAt(), message);
    }

    @EventHandler
    void on(ArticleEdited event, EventMessage<?> message) {
        edited(event.communityId(), event.actorId(), event.occurredAt(), message);
    }

    @EventHandler
    void on(VoteCast event, EventMessage<?> message) {
        voted(event.communityId(), event.actorId(), event.direction(), event.occurredAt(), message);
        scored(event.postId(), event.direction() == VoteDirection.UP ? 1 : -1, event.occurredAt(), message);
    }

    /** An imported vote without a voter scores the post; there is no voter to earn a voting badge. */
    @EventHandler
    void on(AnonymousVoteRecorded event, EventMessage<?> message) {
        scored(event.postId(), event.direction() == VoteDirection.UP ? 1 : -1, event.occurredAt(), message);
    }

    @EventHandler
    void on(VoteChanged event, EventMessage<?> message) {
        voted(event.communityId(), event.actorId(), event.direction(), event.occurredAt(), message);
        scored(event.postId(), event.direction() == VoteDirection.UP ? 2 : -2, event.occurredAt(), message);
    }

    @EventHandler
    void on(VoteRetracted event, EventMessage<?> message) {
        scored(event.postId(), event.direction() == VoteDirection.UP ? -1 : 1, event.occurredAt(), message);
    }

    @EventHandler
    void on(AnswerAccepted event, EventMessage<?> message) {
        award(event.communityId(), event.actorId(), Badge.SCHOLAR, null, null, event.occurredAt(), message);
    }

    @EventHandler
    void on(CommentAdded event, EventMessage<?> message) {
        String id = event.communityId() + "|" + event.actorId();
        Document counts = upsertOnceAndGet(mongo, COUNTS, id, message.getIdentifier(), new Update()
                .set("communityId", event.communityId()).set("memberId", event.actorId()).inc("comments", 1));
        if (counts != null && counts.getInteger("comments", 0) >= Badge.COMMENTATOR_COMMENTS) {
            award(event.communityId(), event.actorId(), Badge.COMMENTATOR, null, null, event.occurredAt(), message);
        }
    }

    /** A deleted answer leaves its tags' statistics; undeleted, it comes back. */
    @EventHandler
    void on(PostDeleted event, EventMessage<?> message) {
        if (event.postKind() == PostKind.ANSWER) {
            deleted(event.postId(), true, event.occurredAt(), message);
        }
    }

    @EventHandler
    void on(PostUndeleted event, EventMessage<?> message) {
        if (event.postKind() == PostKind.ANSWER) {
            deleted(event.postId(), false, event.occurredAt(), message);
        }
    }

    @ResetHandler
    void reset() {
        List.of(BADGES, POSTS, COUNTS, TAG_STATS).forEach(mongo::dropCollection);
    }

    private void deleted(String answerId, boolean deleted, Instant at, EventMessage<?> message) {
        posts().written(answerId);
        Document answer = applyOnceAndGet(mongo, POSTS, answerId, message.getIdentifier(), new Update().set("deleted", deleted));
        if (answer == null) {
            return;
        }
        int sign = deleted ? -1 : 1;
        for (String tag : answer.getList("tags", String.class)) {
            tagStats(answer.getString("communityId"), answer.getString("authorId"), tag, message, sign,
                    sign * answer.getInteger("score", 0), at);
        }
    }

    private void edited(String communityId, String editorId, Instant at, EventMessage<?> message) {
        award(communityId, editorId, Badge.EDITOR, null, null, at, message);
    }

    private void voted(String communityId, String voterId, VoteDirection direction, Instant at, EventMessage<?> message) {
        award(communityId, voterId, direction == VoteDirection.UP ? Badge.SUPPORTER : Badge.CRITIC, null, null, at, message);
    }

    private void scored(String postId, int delta, Instant at, EventMessage<?> message) {
        Document post = addToScore(postId, delta, message.getIdentifier());
        if (post == null) {
            return;
        }
        String communityId = post.getString("communityId");
        String authorId = post.getString("authorId");
        int score = post.getInteger("score", 0);
        boolean answer = PostKind.ANSWER.name().equals(post.getString("kind"));
        if (score >= 1) {
            award(communityId, authorId, answer ? Badge.TEACHER : Badge.STUDENT, null, null, at, message);
        }
        Badge[] ladder = answer ? new Badge[] {Badge.NICE_ANSWER, Badge.GOOD_ANSWER, Badge.GREAT_ANSWER}
                : new Badge[] {Badge.NICE_QUESTION, Badge.GOOD_QUESTION, Badge.GREAT_QUESTION};
        for (int i = 0; i < ladder.length; i++) {
            if (score >= Badge.POST_SCORES[i]) {
                award(communityId, authorId, ladder[i], null, postId, at, message);
            }
        }
        if (answer && !post.getBoolean("deleted", false)) {
            for (String tag : post.getList("tags", String.class)) {
                tagStats(communityId, authorId, tag, message, 0, delta, at);
            }
        }
    }

    /**
     * Adds to the post's score and answers the post afterwards (null when the projection has none).
     * The first vote on a post in a batch is one find-and-modify, whose answer the batch keeps; the
     * votes after it, new to the projection, count on that copy and write behind the batch (a
     * replay's batch holds a post's votes one after the other, and each was a round trip).
     */
    private Document addToScore(String postId, int delta, String eventId) {
        Update increment = new Update().inc("score", delta);
        Document before = posts().copy(postId);
        if (before == null || !DeliveryHorizon.firstDelivery()) {
            Document after = applyOnceAndGet(mongo, POSTS, postId, eventId, increment);
            posts().keep(postId, after);
            return after;
        }
        AppliedEvents.applyOnce(mongo, POSTS, postId, eventId, increment);
        posts().set(postId, "score", before.getInteger("score", 0) + delta);
        return posts().copy(postId);
    }

    /**
     * Upserts a post for the event that creates it. New to the projection, the post had no document,
     * so the batch knows the one it wrote (its votes in the same batch, as in a replay, then need no
     * round trip); delivered again, the document may hold a score, and is forgotten until read.
     */
    private void created(String postId, Update upsert) {
        PendingWrites.upsert(mongo, query(where("_id").is(postId)), upsert, POSTS);
        if (DeliveryHorizon.firstDelivery()) {
            posts().upserted(mongo, postId, upsert);
        } else {
            posts().written(postId);
        }
    }

    /** The batch's posts: only this projection writes them, and it tells the batch of each write. */
    private static KnownInBatch posts() {
        return KnownInBatch.of(POSTS);
    }

    private void tagStats(String communityId, String memberId, String tag, EventMessage<?> message, int answers, int score,
                          Instant at) {
        String id = communityId + "|" + memberId + "|" + tag;
        Document stats = TagStatsBatch.current().add(mongo, id, message.getIdentifier(), new Update().set("communityId", communityId)
                .set("memberId", memberId).set("tag", tag), answers, score);
        if (stats == null) {
            return;
        }
        Badge.Rank[] ranks = Badge.Rank.values();
        for (int i = 0; i < ranks.length; i++) {
            if (stats.getInteger("answers", 0) >= Badge.TAG_ANSWERS[i] && stats.getInteger("score", 0) >= Badge.TAG_SCORES[i]) {
                awardTag(communityId, memberId, tag, ranks[i], at, message);
            }
        }
    }

    private void award(String communityId, String memberId, Badge badge, String tag, String postId, Instant at,
                       EventMessage<?> message) {
        String id = String.join("|", communityId, memberId, badge.name()) + (postId == null ? "" : "|" + postId);
        store(new BadgeAward(id, communityId, memberId, badge, badge.rank(), tag, postId, at, message.getIdentifier(),
                EventPosition.of(message)));
    }

    private void awardTag(String communityId, String memberId, String tag, Badge.Rank rank, Instant at,
                          EventMessage<?> message) {
        String id = String.join("|", communityId, memberId, Badge.TAG.name(), tag, rank.name());
        store(new BadgeAward(id, communityId, memberId, Badge.TAG, rank, tag, null, at, message.getIdentifier(),
                EventPosition.of(message)));
    }

    /**
     * Stores the award unless the badge was earned before; tells the listeners when it is new. Most
     * votes and edits earn a badge the member has already, so within a batch an award stored (or
     * found stored) once is not sent again: a replay's batch writes each award once. In a batch the
     * awards go to the server together ({@link PendingWrites#upsert} with an answer): the listeners
     * hear of a new one when the batch's awards are sent, before the batch ends.
     */
    private void store(BadgeAward award) {
        Set<String> storedInBatch = CurrentUnitOfWork.isStarted()
                ? CurrentUnitOfWork.get().root().getOrComputeResource(STORED_IN_BATCH, key -> new HashSet<String>())
                : new HashSet<>();
        if (storedInBatch.contains(award.id())) {
            return;
        }
        storedInBatch.add(award.id());
        PendingWrites.upsert(mongo, award.id(), query(where("_id").is(award.id())), new Update()
                .setOnInsert("communityId", award.communityId()).setOnInsert("memberId", award.memberId())
                .setOnInsert("badge", award.badge().name()).setOnInsert("rank", award.rank().name())
                .setOnInsert("tag", award.tag()).setOnInsert("postId", award.postId())
                .setOnInsert("awardedAt", award.awardedAt()).setOnInsert("eventId", award.eventId()), BADGES,
                upserted -> {
                    if (upserted == PendingWrites.Upserted.INSERTED || !DeliveryHorizon.firstDelivery() && awardedBy(award)) {
                        listeners.forEach(listener -> listener.awarded(award));
                    }
                });
    }

    /**
     * Whether the badge was stored by the award's own event: an earlier delivery of that event stored
     * it and may have stopped before the listeners heard of it, so they hear of it again (a
     * notification of the same award is the same notification).
     */
    private boolean awardedBy(BadgeAward award) {
        Query stored = query(where("_id").is(award.id()));
        stored.fields().include("eventId");
        Document badge = mongo.findOne(stored, Document.class, BADGES);
        return badge != null && award.eventId().equals(badge.getString("eventId"));
    }

    private static List<String> tags(List<String> tags) {
        return tags == null ? List.of() : tags;
    }
}
