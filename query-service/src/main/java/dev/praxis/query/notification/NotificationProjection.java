package dev.praxis.query.notification;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import dev.praxis.api.article.ArticleDeleted;
import dev.praxis.api.article.ArticlePublished;
import dev.praxis.api.bounty.BountyAwarded;
import dev.praxis.api.bounty.BountyExpired;
import dev.praxis.api.bounty.BountyOffered;
import dev.praxis.api.flag.FlagReviewed;
import dev.praxis.api.member.QuestionFollowed;
import dev.praxis.api.member.QuestionUnfollowed;
import dev.praxis.api.member.SkillEndorsed;
import dev.praxis.api.member.SkillEndorsementWithdrawn;
import dev.praxis.api.notification.AllNotificationsRead;
import dev.praxis.api.notification.NotificationsRead;
import dev.praxis.api.question.AnswerAccepted;
import dev.praxis.api.question.AnswerAcceptanceWithdrawn;
import dev.praxis.api.question.AnswerEndorsed;
import dev.praxis.api.question.AnswerEndorsementWithdrawn;
import dev.praxis.api.question.AnswerPosted;
import dev.praxis.api.question.CommentAdded;
import dev.praxis.api.question.CommentDeleted;
import dev.praxis.api.question.MembersMentioned;
import dev.praxis.api.question.PostDeleted;
import dev.praxis.api.question.PostUndeleted;
import dev.praxis.api.question.QuestionAsked;
import dev.praxis.api.question.QuestionClosed;
import dev.praxis.api.question.QuestionLocked;
import dev.praxis.query.feed.EventPosition;
import dev.praxis.query.shared.KnownInBatch;
import dev.praxis.query.shared.PendingWrites;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
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
 * Turns the events into members' notifications (through {@link Notifications}): an answer or a
 * comment on my post, an @mention, my answer accepted, an endorsement of my answer or skill, a
 * bounty offered on a question I follow or asked, a bounty awarded to me, a moderation act on my
 * post (closed, locked, deleted), the outcome of my flag. Never for one's own act. When the cause
 * is taken back (acceptance withdrawn, endorsement withdrawn, answer or comment deleted) the
 * notification is retracted; an undeleted post brings its notifications back.
 *
 * <p>It keeps what events do not carry in small lookups of its own ({@code notification_posts}:
 * a post's author; {@code notification_follows}: who follows a question), so that it rebuilds on
 * its own, whatever the progress of the other projections.
 */
@Component
@ProcessingGroup("notifications")
public class NotificationProjection {

    static final String POSTS = "notification_posts";
    static final String FOLLOWS = "notification_follows";
    /** The notifications that exist because a post exists: gone while it is deleted. */
    private static final List<String> CAUSED_BY_POST = List.of("ANSWER", "COMMENT", "MENTION");

    private final MongoTemplate mongo;
    private final Notifications notifications;

    public NotificationProjection(MongoTemplate mongo, Notifications notifications) {
        this.mongo = mongo;
        this.notifications = notifications;
        ensureIndexes();
    }

    private void ensureIndexes() {
        mongo.indexOps(Notifications.NOTIFICATIONS).createIndex(new Index().on("recipientId", Sort.Direction.ASC)
                .on("position", Sort.Direction.DESC).on("_id", Sort.Direction.DESC).named("recipient_newest_first"));
        mongo.indexOps(Notifications.NOTIFICATIONS).createIndex(new Index().on("postId", Sort.Direction.ASC).named("by_post"));
        mongo.indexOps(FOLLOWS).createIndex(new Index().on("questionId", Sort.Direction.ASC).named("followers_of"));
    }

    // ---- posts and their authors

    @EventHandler
    void on(QuestionAsked event) {
        post(event.questionId(), event.questionId(), event.communityId(), event.actorId());
    }

    @EventHandler
    void on(ArticlePublished event) {
        post(event.articleId(), null, event.communityId(), event.actorId());
    }

    @EventHandler
    void on(AnswerPosted event, EventMessage<?> message) {
        post(event.answerId(), event.questionId(), event.communityId(), event.actorId());
        notifications.notify(new NewNotification(authorOf(event.questionId()), "ANSWER", event.answerId(),
                event.communityId(), event.questionId(), event.answerId(), event.actorId(), null, event.occurredAt(),
                EventPosition.of(message)));
    }

    @EventHandler
    void on(CommentAdded event, EventMessage<?> message) {
        long position = EventPosition.of(message);
        notifications.notify(new NewNotification(event.postAuthorId(), "COMMENT", event.commentId(), event.communityId(),
                event.questionId(), event.commentId(), event.actorId(), event.postId(), event.occurredAt(), position));
        for (String mentioned : distinct(event.mentionedMemberIds())) {
            if (!mentioned.equals(event.postAuthorId())) { // the author already hears of the comment
                notifications.notify(new NewNotification(mentioned, "MENTION", event.commentId(), event.communityId(),
                        event.questionId(), event.commentId(), event.actorId(), event.postId(), event.occurredAt(), position));
            }
        }
    }

    @EventHandler
    void on(MembersMentioned event, EventMessage<?> message) {
        for (String mentioned : distinct(event.mentionedMemberIds())) {
            notifications.notify(new NewNotification(mentioned, "MENTION", event.postId(), event.communityId(),
                    event.questionId(), event.postId(), event.actorId(), null, event.occurredAt(), EventPosition.of(message)));
        }
    }

    @EventHandler
    void on(AnswerAccepted event, EventMessage<?> message) {
        notifications.notify(new NewNotification(event.answerAuthorId(), "ANSWER_ACCEPTED", event.answerId(),
                event.communityId(), event.questionId(), event.answerId(), event.actorId(), null, event.occurredAt(),
                EventPosition.of(message)));
    }

    @EventHandler
    void on(AnswerAcceptanceWithdrawn event) {
        notifications.retract(where("type").is("ANSWER_ACCEPTED").and("postId").is(event.answerId()), true);
    }

    @EventHandler
    void on(AnswerEndorsed event, EventMessage<?> message) {
        notifications.notify(new NewNotification(event.answerAuthorId(), "ANSWER_ENDORSED",
                event.answerId() + "/" + event.actorId(), event.communityId(), event.questionId(), event.answerId(),
                event.actorId(), event.note(), event.occurredAt(), EventPosition.of(message)));
    }

    @EventHandler
    void on(AnswerEndorsementWithdrawn event) {
        notifications.retract(where("type").is("ANSWER_ENDORSED").and("postId").is(event.answerId())
                .and("actorId").is(event.actorId()), true);
    }

    @EventHandler
    void on(SkillEndorsed event, EventMessage<?> message) {
        notifications.notify(new NewNotification(event.memberId(), "SKILL_ENDORSED", event.skill() + "/" + event.actorId(),
                null, null, null, event.actorId(), event.skill(), event.occurredAt(), EventPosition.of(message)));
    }

    @EventHandler
    void on(SkillEndorsementWithdrawn event) {
        notifications.retract(where("type").is("SKILL_ENDORSED").and("recipientId").is(event.memberId())
                .and("detail").is(event.skill()).and("actorId").is(event.actorId()), true);
    }

    // ---- bounties

    @EventHandler
    void on(BountyOffered event, EventMessage<?> message) {
        Set<String> recipients = new LinkedHashSet<>();
        String asker = authorOf(event.questionId());
        if (asker != null) {
            recipients.add(asker);
        }
        mongo.find(query(where("questionId").is(event.questionId())).with(Sort.by("_id")), Document.class, FOLLOWS)
                .forEach(follow -> recipients.add(follow.getString("memberId")));
        for (String recipient : recipients) {
            notifications.notify(new NewNotification(recipient, "BOUNTY_OFFERED", event.questionId() + "#" + event.round(),
                    event.communityId(), event.questionId(), event.questionId(), event.actorId(),
                    Integer.toString(event.amount()), event.occurredAt(), EventPosition.of(message)));
        }
    }

    @EventHandler
    void on(BountyAwarded event, EventMessage<?> message) {
        notifications.notify(new NewNotification(event.answerAuthorId(), "BOUNTY_AWARDED",
                event.questionId() + "#" + event.round(), event.communityId(), event.questionId(), event.answerId(),
                event.actorId(), Integer.toString(event.amount()), event.occurredAt(), EventPosition.of(message)));
    }

    @EventHandler
    void on(BountyExpired event, EventMessage<?> message) {
        if (event.winnerId() != null && event.awardedAmount() > 0) {
            notifications.notify(new NewNotification(event.winnerId(), "BOUNTY_AWARDED",
                    event.questionId() + "#" + event.round(), event.communityId(), event.questionId(),
                    event.winningAnswerId(), event.actorId(), Integer.toString(event.awardedAmount()), event.occurredAt(),
                    EventPosition.of(message)));
        }
    }

    // ---- moderation of my posts, and the outcome of my flags

    @EventHandler
    void on(QuestionClosed event, EventMessage<?> message) {
        notifications.notify(new NewNotification(authorOf(event.questionId()), "QUESTION_CLOSED", event.questionId(),
                event.communityId(), event.questionId(), event.questionId(), event.actorId(),
                event.reason() == null ? null : event.reason().name(), event.occurredAt(), EventPosition.of(message)));
    }

    @EventHandler
    void on(QuestionLocked event, EventMessage<?> message) {
        notifications.notify(new NewNotification(authorOf(event.questionId()), "QUESTION_LOCKED", event.questionId(),
                event.communityId(), event.questionId(), event.questionId(), event.actorId(), event.reason(),
                event.occurredAt(), EventPosition.of(message)));
    }

    @EventHandler
    void on(PostDeleted event, EventMessage<?> message) {
        notifications.notify(new NewNotification(event.postAuthorId(), "POST_DELETED", event.postId(), event.communityId(),
                event.questionId(), event.postId(), event.actorId(), event.reason(), event.occurredAt(),
                EventPosition.of(message)));
        notifications.retract(where("postId").is(event.postId()).and("type").in(CAUSED_BY_POST), true);
    }

    @EventHandler
    void on(PostUndeleted event) {
        notifications.retract(where("postId").is(event.postId()).and("type").in(CAUSED_BY_POST), false);
    }

    @EventHandler
    void on(CommentDeleted event) {
        notifications.retract(where("postId").is(event.commentId()).and("type").in(CAUSED_BY_POST), true);
    }

    @EventHandler
    void on(ArticleDeleted event, EventMessage<?> message) {
        notifications.notify(new NewNotification(event.articleAuthorId(), "POST_DELETED", event.articleId(),
                event.communityId(), null, event.articleId(), event.actorId(), event.reason(), event.occurredAt(),
                EventPosition.of(message)));
    }

    @EventHandler
    void on(FlagReviewed event, EventMessage<?> message) {
        for (String flagger : distinct(event.flaggedBy())) {
            notifications.notify(new NewNotification(flagger, "FLAG_REVIEWED", event.postId(), event.communityId(),
                    event.questionId(), event.postId(), event.actorId(), event.decision().name(), event.occurredAt(),
                    EventPosition.of(message)));
        }
    }

    // ---- follows of questions (for bounties), and the member's own reading

    @EventHandler
    void on(QuestionFollowed event) {
        mongo.upsert(query(where("_id").is(event.memberId() + "|" + event.questionId())), new Update()
                .set("memberId", event.memberId()).set("questionId", event.questionId()), FOLLOWS);
    }

    @EventHandler
    void on(QuestionUnfollowed event) {
        mongo.remove(query(where("_id").is(event.memberId() + "|" + event.questionId())), FOLLOWS);
    }

    @EventHandler
    void on(NotificationsRead event) {
        notifications.markRead(event.memberId(), event.notificationIds(), event.occurredAt());
    }

    @EventHandler
    void on(AllNotificationsRead event) {
        notifications.markAllRead(event.memberId(), event.upTo(), event.occurredAt());
    }

    @ResetHandler
    void reset() {
        for (String collection : List.of(Notifications.NOTIFICATIONS, Notifications.INBOXES, POSTS, FOLLOWS)) {
            mongo.dropCollection(collection);
        }
        ensureIndexes();
    }

    /**
     * A post's document has these fields and no others, so the batch keeps what it writes: an answer's
     * notification then finds its question's author without a read when the question came in the
     * same batch (as in a replay).
     */
    private void post(String postId, String questionId, String communityId, String authorId) {
        Update post = new Update().set("questionId", questionId).set("communityId", communityId).set("authorId", authorId);
        PendingWrites.upsert(mongo, query(where("_id").is(postId)), post, POSTS);
        KnownInBatch.of(POSTS).upserted(mongo, postId, post);
    }

    private String authorOf(String postId) {
        Document post = KnownInBatch.of(POSTS).findById(mongo, postId);
        return post == null ? null : post.getString("authorId");
    }

    private static Set<String> distinct(List<String> ids) {
        return ids == null ? Set.of() : new LinkedHashSet<>(ids);
    }

}
