package dev.praxis.query.article;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import dev.praxis.api.article.ArticleDeleted;
import dev.praxis.api.article.ArticleEdited;
import dev.praxis.api.article.ArticlePublished;
import dev.praxis.query.shared.PendingWrites;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/** Knowledge articles by key and per community newest first; every handler sets fields, so it is idempotent. */
@Component
@ProcessingGroup("articles")
public class ArticleProjection {

    private final MongoTemplate mongo;

    public ArticleProjection(MongoTemplate mongo) {
        this.mongo = mongo;
        ensureIndexes();
    }

    private void ensureIndexes() {
        mongo.indexOps(ArticleDocument.COLLECTION).createIndex(new Index()
                .on("communityId", Sort.Direction.ASC).on("createdAt", Sort.Direction.DESC).on("_id", Sort.Direction.DESC)
                .named("community_newest_first"));
    }

    @EventHandler
    void on(ArticlePublished event) {
        PendingWrites.upsert(mongo, query(where("_id").is(event.articleId())), new Update()
                .set("communityId", event.communityId())
                .set("authorId", event.actorId())
                .set("createdAt", event.occurredAt())
                .setOnInsert("title", event.title())
                .setOnInsert("body", event.body())
                .setOnInsert("tags", event.tags())
                .setOnInsert("revisionCount", 1)
                .setOnInsert("deleted", false), ArticleDocument.COLLECTION);
    }

    @EventHandler
    void on(ArticleEdited event) {
        PendingWrites.updateFirst(mongo, query(where("_id").is(event.articleId())), new Update()
                .set("title", event.title())
                .set("body", event.body())
                .set("tags", event.tags())
                .set("revisionCount", event.revision())
                .set("lastEditedAt", event.occurredAt())
                .set("lastEditorId", event.actorId()), ArticleDocument.COLLECTION);
    }

    @EventHandler
    void on(ArticleDeleted event) {
        PendingWrites.updateFirst(mongo, query(where("_id").is(event.articleId())), new Update().set("deleted", true),
                ArticleDocument.COLLECTION);
    }

    @ResetHandler
    void reset() {
        mongo.dropCollection(ArticleDocument.COLLECTION);
        ensureIndexes();
    }
}
