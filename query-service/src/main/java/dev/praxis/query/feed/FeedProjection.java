package dev.praxis.query.feed;

import static dev.praxis.query.shared.AppliedEvents.applyOnce;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import dev.praxis.api.article.ArticleDeleted;
import dev.praxis.api.article.ArticleEdited;
import dev.praxis.api.article.ArticlePublished;
import dev.praxis.api.member.MemberFollowed;
import dev.praxis.api.member.MemberUnfollowed;
import dev.praxis.api.member.QuestionFollowed;
import dev.praxis.api.member.QuestionUnfollowed;
import dev.praxis.api.member.TagFollowed;
import dev.praxis.api.member.TagUnfollowed;
import dev.praxis.api.question.AnswerAccepted;
import dev.praxis.api.question.AnswerEdited;
import dev.praxis.api.question.AnswerPosted;
import dev.praxis.api.question.CommentAdded;
import dev.praxis.api.question.CommentDeleted;
import dev.praxis.api.question.PostDeleted;
import dev.praxis.api.question.PostKind;
import dev.praxis.api.question.PostUndeleted;
import dev.praxis.api.question.QuestionAsked;
import dev.praxis.api.question.QuestionClosed;
import dev.praxis.api.question.QuestionEdited;
import dev.praxis.api.question.QuestionReopened;
import dev.praxis.api.question.AnonymousVoteRecorded;
import dev.praxis.api.question.VoteCast;
import dev.praxis.api.question.VoteChanged;
import dev.praxis.api.question.VoteDirection;
import dev.praxis.api.question.VoteRetracted;
import dev.praxis.api.tag.TagIds;
import dev.praxis.query.shared.InBatch;
import dev.praxis.query.shared.KnownInBatch;
import dev.praxis.query.shared.PendingWrites;
import java.time.Instant;
import java.util.Collection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.List;
import java.util.Map;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The feeds: a community's posts in four orders, each member's own acts, and each member's home
 * feed of what the people, tags and questions they follow bring (fanned out on write by
 * {@link HomeFeedWriter}). Collections:
 *
 * <ul>
 * <li>{@code feed_posts}: questions, answers and articles with what the orders need (created,
 *     last activity, hot score, answer count, deleted); a community feed is one indexed range read.
 * <li>{@code feed_activity}: one document per act of a member, keyed by the act and its post, so
 *     that a reversal (a deleted post or comment) hides exactly that item.
 * <li>{@code feed_follows}: the followers of each member, tag or question (one document per target, read by
 *     key), to find the recipients of a fan-out.
 * <li>{@code home_feed_heads} and {@code home_feed_pages}: a member's home feed in pages of
 *     {@value HomeFeedWriter#PAGE_ITEMS} items, read by key.
 * </ul>
 *
 * <p>Plain {@code $set}s and {@code $max}es are idempotent by nature; counters go through
 * {@link dev.praxis.query.shared.AppliedEvents}; the fan-out through the writer's assignment log.
 */
@Component
@ProcessingGroup("feeds")
public class FeedProjection {

    static final String POSTS = "feed_posts";
    static final String ACTIVITY = "feed_activity";
    static final String FOLLOWS = "feed_follows";
    /** The posts whose hot score the batch in hand recomputes at its end. */
    private static final String HOT_IN_BATCH = FeedProjection.class.getName() + ".hot";

    private final MongoTemplate mongo;
    private final HomeFeedWriter homeFeed;

    public FeedProjection(MongoTemplate mongo) {
        this.mongo = mongo;
        this.homeFeed = new HomeFeedWriter(mongo);
        ensureIndexes();
    }

    private void ensureIndexes() {
        // the embedded server ignores secondary indexes; a real MongoDB serves every feed order from one of these
        for (String order : List.of("createdAt", "lastActivityAt", "hot")) {
            mongo.indexOps(POSTS).createIndex(new Index().on("communityId", Sort.Direction.ASC)
                    .on(order, Sort.Direction.DESC).on("_id", Sort.Direction.DESC).named("community_by_" + order));
            mongo.indexOps(POSTS).createIndex(new Index().on("communityId", Sort.Direction.ASC).on("tags", Sort.Direction.ASC)
                    .on(order, Sort.Direction.DESC).on("_id", Sort.Direction.DESC).named("community_tag_by_" + order));
        }
        mongo.indexOps(ACTIVITY).createIndex(new Index().on("memberId", Sort.Direction.ASC)
                .on("position", Sort.Direction.DESC).named("member_newest_first"));
        mongo.indexOps(ACTIVITY).createIndex(new Index().on("questionId", Sort.Direction.ASC).named("by_question"));
    }

    // ---- posts

    @EventHandler
    void on(QuestionAsked event, EventMessage<?> message) {
        long position = EventPosition.of(message);
        PendingWrites.upsert(mongo, byId(event.questionId()), newPost("QUESTION", event.questionId(), event.communityId(), event.actorId(),
                event.occurredAt(), position)
                .set("title", event.title())
                .set("tags", event.tags())
                .setOnInsert("score", 0)
                .setOnInsert("answerCount", 0)
                .setOnInsert("closed", false), POSTS);
        recomputeHot(event.questionId());
        activity("ASKED", event.questionId(), event.questionId(), event.communityId(), event.actorId(), event.occurredAt(), position);
        Map<String, String> recipients = followersOf(authorAndTags(event.actorId(), event.communityId(), event.tags()));
        fanOut(message, recipients, "ASKED", event.questionId(), event.questionId(), event.communityId(), event.actorId(),
                event.occurredAt(), position);
    }

    @EventHandler
    void on(ArticlePublished event, EventMessage<?> message) {
        long position = EventPosition.of(message);
        PendingWrites.upsert(mongo, byId(event.articleId()), newPost("ARTICLE", null, event.communityId(), event.actorId(),
                event.occurredAt(), position)
                .set("title", event.title())
                .set("tags", event.tags())
                .setOnInsert("score", 0)
                .setOnInsert("answerCount", 0)
                .setOnInsert("closed", false), POSTS);
        recomputeHot(event.articleId());
        activity("PUBLISHED", event.articleId(), null, event.communityId(), event.actorId(), event.occurredAt(), position);
        Map<String, String> recipients = followersOf(authorAndTags(event.actorId(), event.communityId(), event.tags()));
        fanOut(message, recipients, "PUBLISHED", event.articleId(), null, event.communityId(), event.actorId(),
                event.occurredAt(), position);
    }

    @EventHandler
    void on(AnswerPosted event, EventMessage<?> message) {
        long position = EventPosition.of(message);
        PendingWrites.upsert(mongo, byId(event.answerId()), newPost("ANSWER", event.questionId(), event.communityId(), event.actorId(),
                event.occurredAt(), position), POSTS);
        applyOnce(mongo, POSTS, event.questionId(), message.getIdentifier(), new Update().inc("answerCount", 1));
        touched(event.questionId(), event.occurredAt(), position);
        recomputeHot(event.questionId());
        activity("ANSWERED", event.answerId(), event.questionId(), event.communityId(), event.actorId(), event.occurredAt(),
                position);
        Map<String, String> recipients = followersOf(List.of(new Followed("MEMBER", event.actorId(), "FOLLOWED_MEMBER"),
                new Followed("QUESTION", event.questionId(), "FOLLOWED_QUESTION")));
        fanOut(message, recipients, "ANSWERED", event.answerId(), event.questionId(), event.communityId(), event.actorId(),
                event.occurredAt(), position);
    }

    @EventHandler
    void on(CommentAdded event, EventMessage<?> message) {
        long position = EventPosition.of(message);
        touched(event.questionId(), event.occurredAt(), position);
        activity("COMMENTED", event.commentId(), event.questionId(), event.communityId(), event.actorId(), event.occurredAt(),
                position);
    }

    @EventHandler
    void on(QuestionEdited event, EventMessage<?> message) {
        PendingWrites.updateFirst(mongo, byId(event.questionId()), new Update().set("title", event.title()).set("tags", event.tags()), POSTS);
        touched(event.questionId(), event.occurredAt(), EventPosition.of(message));
    }

    @EventHandler
    void on(ArticleEdited event, EventMessage<?> message) {
        PendingWrites.updateFirst(mongo, byId(event.articleId()), new Update().set("title", event.title()).set("tags", event.tags()), POSTS);
        touched(event.articleId(), event.occurredAt(), EventPosition.of(message));
    }

    @EventHandler
    void on(AnswerEdited event, EventMessage<?> message) {
        touched(event.questionId(), event.occurredAt(), EventPosition.of(message));
    }

    @EventHandler
    void on(AnswerAccepted event, EventMessage<?> message) {
        touched(event.questionId(), event.occurredAt(), EventPosition.of(message));
    }

    @EventHandler
    void on(QuestionClosed event) {
        PendingWrites.updateFirst(mongo, byId(event.questionId()), new Update().set("closed", true), POSTS);
    }

    @EventHandler
    void on(QuestionReopened event) {
        PendingWrites.updateFirst(mongo, byId(event.questionId()), new Update().set("closed", false), POSTS);
    }

    // ---- votes on questions move the hot score; a changed vote counts twice, a retracted one is taken back

    @EventHandler
    void on(VoteCast event, EventMessage<?> message) {
        scored(event.postKind(), event.postId(), message, sign(event.direction()));
    }

    @EventHandler
    void on(AnonymousVoteRecorded event, EventMessage<?> message) {
        scored(event.postKind(), event.postId(), message, sign(event.direction()));
    }

    @EventHandler
    void on(VoteChanged event, EventMessage<?> message) {
        scored(event.postKind(), event.postId(), message, sign(event.direction()) - sign(event.previousDirection()));
    }

    @EventHandler
    void on(VoteRetracted event, EventMessage<?> message) {
        scored(event.postKind(), event.postId(), message, -sign(event.direction()));
    }

    private void scored(PostKind kind, String postId, EventMessage<?> message, int delta) {
        if (kind != PostKind.QUESTION) {
            return; // the feeds order questions and articles; an answer's votes do not move them
        }
        applyOnce(mongo, POSTS, postId, message.getIdentifier(), new Update().inc("score", delta));
        recomputeHot(postId);
    }

    private static int sign(VoteDirection direction) {
        return direction == VoteDirection.UP ? 1 : -1;
    }

    // ---- reversals: a deleted post leaves the feeds, an undeleted one comes back

    @EventHandler
    void on(PostDeleted event, EventMessage<?> message) {
        deleted(event.postKind(), event.postId(), event.questionId(), message, true);
    }

    @EventHandler
    void on(PostUndeleted event, EventMessage<?> message) {
        deleted(event.postKind(), event.postId(), event.questionId(), message, false);
    }

    private void deleted(PostKind kind, String postId, String questionId, EventMessage<?> message, boolean deleted) {
        if (kind == PostKind.COMMENT) {
            PendingWrites.updateMulti(mongo, query(where("postId").is(postId)), new Update().set("postDeleted", deleted), ACTIVITY);
            return;
        }
        PendingWrites.updateFirst(mongo, byId(postId), new Update().set("deleted", deleted), POSTS);
        PendingWrites.updateMulti(mongo, query(where("postId").is(postId)), new Update().set("postDeleted", deleted), ACTIVITY);
        if (kind == PostKind.QUESTION) {
            // the answers and comments of a deleted question leave the activity and home feeds with it
            PendingWrites.updateMulti(mongo, query(where("questionId").is(postId).and("_id").ne(postId)),
                    new Update().set("questionDeleted", deleted), POSTS);
            PendingWrites.updateMulti(mongo, query(where("questionId").is(postId)), new Update().set("questionDeleted", deleted), ACTIVITY);
        } else {
            // a deleted answer no longer counts as an answer (the question may be unanswered again)
            applyOnce(mongo, POSTS, questionId, message.getIdentifier(), new Update().inc("answerCount", deleted ? -1 : 1));
            recomputeHot(questionId);
        }
    }

    @EventHandler
    void on(CommentDeleted event) {
        PendingWrites.updateMulti(mongo, query(where("postId").is(event.commentId())), new Update().set("postDeleted", true), ACTIVITY);
    }

    @EventHandler
    void on(ArticleDeleted event) {
        PendingWrites.updateFirst(mongo, byId(event.articleId()), new Update().set("deleted", true), POSTS);
        PendingWrites.updateMulti(mongo, query(where("postId").is(event.articleId())), new Update().set("postDeleted", true), ACTIVITY);
    }

    // ---- follows: who receives a fan-out (what already reached a home feed stays there after an unfollow)

    @EventHandler
    void on(MemberFollowed event) {
        follow(event.memberId(), "MEMBER", event.followedMemberId());
    }

    @EventHandler
    void on(MemberUnfollowed event) {
        unfollow(event.memberId(), "MEMBER", event.followedMemberId());
    }

    @EventHandler
    void on(TagFollowed event) {
        follow(event.memberId(), "TAG", TagIds.of(event.communityId(), event.tag()));
    }

    @EventHandler
    void on(TagUnfollowed event) {
        unfollow(event.memberId(), "TAG", TagIds.of(event.communityId(), event.tag()));
    }

    @EventHandler
    void on(QuestionFollowed event) {
        follow(event.memberId(), "QUESTION", event.questionId());
    }

    @EventHandler
    void on(QuestionUnfollowed event) {
        unfollow(event.memberId(), "QUESTION", event.questionId());
    }

    private void follow(String followerId, String type, String target) {
        KnownInBatch.of(FOLLOWS).written(type + "|" + target);
        PendingWrites.upsert(mongo, byId(type + "|" + target), new Update().set("type", type).set("target", target)
                .addToSet("followers", followerId), FOLLOWS);
    }

    private void unfollow(String followerId, String type, String target) {
        KnownInBatch.of(FOLLOWS).written(type + "|" + target);
        PendingWrites.updateFirst(mongo, byId(type + "|" + target), new Update().pull("followers", followerId), FOLLOWS);
    }

    @ResetHandler
    void reset() {
        for (String collection : List.of(POSTS, ACTIVITY, FOLLOWS, HomeFeedWriter.HEADS, HomeFeedWriter.PAGES)) {
            mongo.dropCollection(collection);
        }
        ensureIndexes();
    }

    // ---- helpers

    private static org.springframework.data.mongodb.core.query.Query byId(String id) {
        return query(where("_id").is(id));
    }

    private static Update newPost(String kind, String questionId, String communityId, String authorId, Instant createdAt,
                                  long position) {
        return new Update()
                .set("kind", kind)
                .set("questionId", questionId)
                .set("communityId", communityId)
                .set("authorId", authorId)
                .set("createdAt", createdAt)
                .set("position", position)
                .max("lastActivityAt", createdAt)
                .max("activityPosition", position)
                .setOnInsert("deleted", false)
                .setOnInsert("questionDeleted", false);
    }

    /** Last activity only moves forward, so {@code $max} keeps it idempotent and order-proof. */
    private void touched(String postId, Instant at, long position) {
        PendingWrites.updateFirst(mongo, byId(postId), new Update().max("lastActivityAt", at).max("activityPosition", position), POSTS);
    }

    /**
     * The post's hot score, from its score, answer count and creation time. Every write of those is
     * followed by this call, so the score after a batch's last call is the score after the batch: in
     * a batch, the posts are recomputed once, at its end, with one read for all of them (a read per
     * vote and answer was 0.55 of the replay's commands per stored event, and each sent the
     * collection's pending writes first).
     */
    private void recomputeHot(String postId) {
        Set<String> posts = InBatch.remembered(HOT_IN_BATCH, LinkedHashSet::new);
        if (PendingWrites.atBatchEnd(mongo, HOT_IN_BATCH, () -> recomputeHot(posts))) {
            posts.add(postId);
        } else {
            recomputeHot(List.of(postId));
        }
    }

    private void recomputeHot(Collection<String> postIds) {
        for (Document post : mongo.find(query(where("_id").in(postIds)), Document.class, POSTS)) {
            if (post.getDate("createdAt") != null) {
                double hot = HotScore.of(post.getInteger("score", 0), post.getInteger("answerCount", 0),
                        post.getDate("createdAt").toInstant());
                PendingWrites.updateFirst(mongo, byId(post.getString("_id")), new Update().set("hot", hot), POSTS);
            }
        }
    }

    private void activity(String kind, String postId, String questionId, String communityId, String memberId, Instant at,
                          long position) {
        PendingWrites.upsert(mongo, byId(kind + ":" + postId), new Update()
                .set("memberId", memberId)
                .set("kind", kind)
                .set("postId", postId)
                .set("questionId", questionId)
                .set("communityId", communityId)
                .set("occurredAt", at)
                .set("position", position)
                .setOnInsert("postDeleted", false)
                .setOnInsert("questionDeleted", false), ACTIVITY);
    }

    /** A target whose followers an item reaches, and the reason it reaches them. */
    private record Followed(String type, String target, String reason) {

        String id() {
            return type + "|" + target;
        }
    }

    /** The author's followers, then each tag's. */
    private static List<Followed> authorAndTags(String authorId, String communityId, List<String> tags) {
        List<Followed> targets = new ArrayList<>();
        targets.add(new Followed("MEMBER", authorId, "FOLLOWED_MEMBER"));
        for (String tag : tags == null ? List.<String>of() : tags) {
            targets.add(new Followed("TAG", TagIds.of(communityId, tag), "FOLLOWED_TAG"));
        }
        return targets;
    }

    /**
     * The followers of the targets, each with the reason of the first target that reaches them (in a
     * stable order). One document per target, read by key, and the targets the batch does not know
     * yet in one read: a fan-out costs one lookup however many targets and follows there are, and a
     * batch reads a target once (most are followed by no one, and stay so in a batch).
     */
    private Map<String, String> followersOf(List<Followed> targets) {
        Map<Object, Document> followed = KnownInBatch.of(FOLLOWS).findAllById(mongo,
                targets.stream().map(Followed::id).distinct().toList());
        Map<String, String> recipients = new LinkedHashMap<>();
        for (Followed target : targets) {
            Document followers = followed.get(target.id());
            if (followers != null) {
                new TreeSet<>(followers.getList("followers", String.class))
                        .forEach(followerId -> recipients.putIfAbsent(followerId, target.reason()));
            }
        }
        return recipients;
    }

    private void fanOut(EventMessage<?> message, Map<String, String> recipients, String kind, String postId,
                        String questionId, String communityId, String actorId, Instant at, long position) {
        recipients.remove(actorId); // one's own acts are in one's activity, not one's home feed
        recipients.forEach((memberId, reason) -> homeFeed.append(memberId, message.getIdentifier(), new Document()
                .append("id", kind + ":" + postId)
                .append("kind", kind)
                .append("postId", postId)
                .append("questionId", questionId)
                .append("communityId", communityId)
                .append("actorId", actorId)
                .append("reason", reason)
                .append("occurredAt", java.util.Date.from(at))
                .append("position", position)));
    }
}
