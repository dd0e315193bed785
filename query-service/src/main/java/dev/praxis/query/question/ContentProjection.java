package dev.praxis.query.question;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import dev.praxis.api.article.ArticleEdited;
import dev.praxis.api.article.ArticlePublished;
import dev.praxis.api.question.AnswerEdited;
import dev.praxis.api.question.AnswerPosted;
import dev.praxis.api.question.CommentAdded;
import dev.praxis.api.question.CommentDeleted;
import dev.praxis.api.question.CommentEdited;
import dev.praxis.api.question.QuestionAsked;
import dev.praxis.api.question.QuestionEdited;
import dev.praxis.query.shared.PendingWrites;
import java.time.Instant;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The revision history of every post (questions, answers, articles) and the comments of question
 * threads. Each handler sets whole documents by key, so it is idempotent by nature.
 */
@Component
@ProcessingGroup("content")
public class ContentProjection {

    private final MongoTemplate mongo;

    public ContentProjection(MongoTemplate mongo) {
        this.mongo = mongo;
        ensureIndexes();
    }

    private void ensureIndexes() {
        mongo.indexOps(RevisionDocument.COLLECTION).createIndex(new Index()
                .on("postId", Sort.Direction.ASC).on("revision", Sort.Direction.ASC).named("post_revisions"));
        mongo.indexOps(CommentDocument.COLLECTION).createIndex(new Index()
                .on("postId", Sort.Direction.ASC).on("createdAt", Sort.Direction.ASC).named("post_comments"));
    }

    @EventHandler
    void on(QuestionAsked event) {
        revision(event.questionId(), 1, event.title(), event.body(), event.tags(), List.of("title", "body", "tags"),
                null, null, event.actorId(), event.occurredAt());
    }

    @EventHandler
    void on(QuestionEdited event) {
        revision(event.questionId(), event.revision(), event.title(), event.body(), event.tags(), event.changedFields(),
                event.comment(), event.rolledBackToRevision(), event.actorId(), event.occurredAt());
    }

    @EventHandler
    void on(AnswerPosted event) {
        revision(event.answerId(), 1, null, event.body(), null, List.of("body"), null, null, event.actorId(), event.occurredAt());
    }

    @EventHandler
    void on(AnswerEdited event) {
        revision(event.answerId(), event.revision(), null, event.body(), null, List.of("body"), event.comment(),
                event.rolledBackToRevision(), event.actorId(), event.occurredAt());
    }

    @EventHandler
    void on(ArticlePublished event) {
        revision(event.articleId(), 1, event.title(), event.body(), event.tags(), List.of("title", "body", "tags"),
                null, null, event.actorId(), event.occurredAt());
    }

    @EventHandler
    void on(ArticleEdited event) {
        revision(event.articleId(), event.revision(), event.title(), event.body(), event.tags(), event.changedFields(),
                event.comment(), null, event.actorId(), event.occurredAt());
    }

    private void revision(String postId, int revision, String title, String body, List<String> tags, List<String> changed,
            String comment, Integer rolledBackTo, String editorId, Instant editedAt) {
        PendingWrites.upsert(mongo, query(where("_id").is(RevisionDocument.key(postId, revision))), new Update()
                .set("postId", postId)
                .set("revision", revision)
                .set("title", title)
                .set("body", body)
                .set("tags", tags)
                .set("changedFields", changed)
                .set("comment", comment)
                .set("rolledBackToRevision", rolledBackTo)
                .set("editorId", editorId)
                .set("editedAt", editedAt), RevisionDocument.COLLECTION);
    }

    @EventHandler
    void on(CommentAdded event) {
        PendingWrites.upsert(mongo, query(where("_id").is(event.commentId())), new Update()
                .set("questionId", event.questionId())
                .set("postId", event.postId())
                .set("communityId", event.communityId())
                .set("authorId", event.actorId())
                .set("createdAt", event.occurredAt())
                .setOnInsert("body", event.body())
                .setOnInsert("mentionedMemberIds", event.mentionedMemberIds())
                .setOnInsert("deleted", false), CommentDocument.COLLECTION);
    }

    @EventHandler
    void on(CommentEdited event) {
        PendingWrites.updateFirst(mongo, query(where("_id").is(event.commentId())), new Update()
                .set("body", event.body())
                .set("mentionedMemberIds", event.mentionedMemberIds())
                .set("editedAt", event.occurredAt()), CommentDocument.COLLECTION);
    }

    @EventHandler
    void on(CommentDeleted event) {
        PendingWrites.updateFirst(mongo, query(where("_id").is(event.commentId())), new Update().set("deleted", true),
                CommentDocument.COLLECTION);
    }

    @ResetHandler
    void reset() {
        mongo.dropCollection(RevisionDocument.COLLECTION);
        mongo.dropCollection(CommentDocument.COLLECTION);
        ensureIndexes();
    }
}
