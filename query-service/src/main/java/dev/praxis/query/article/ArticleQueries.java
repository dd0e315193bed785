package dev.praxis.query.article;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import dev.praxis.api.query.ArticleView;
import dev.praxis.api.query.IdBatch;
import dev.praxis.api.query.Page;
import dev.praxis.query.access.ReadAccess;
import dev.praxis.query.community.CommunityQueries;
import dev.praxis.query.consistency.ReadConsistency;
import dev.praxis.query.shared.Pages;
import dev.praxis.query.shared.QueryRejectedException;
import java.util.List;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Knowledge articles, for the {@code viewer} (a member id; absent: anonymous): those of a private
 * community only for its current members; by id an unreadable one answers 404, batches leave it out.
 */
@RestController
public class ArticleQueries {

    private final MongoTemplate mongo;
    private final ReadConsistency consistency;
    private final CommunityQueries communities;
    private final ReadAccess access;

    public ArticleQueries(MongoTemplate mongo, ReadConsistency consistency, CommunityQueries communities,
                          ReadAccess access) {
        this.mongo = mongo;
        this.consistency = consistency;
        this.communities = communities;
        this.access = access;
    }

    /** A community's articles, newest first; deleted ones are left out (they stay readable by id). */
    @GetMapping("/communities/{communityId}/articles")
    public Page<ArticleView> articlesOf(@PathVariable String communityId,
                                        @RequestParam(required = false) Integer first,
                                        @RequestParam(required = false) String after,
                                        @RequestParam(required = false) String viewer,
                                        @RequestParam(required = false) Long minPosition) {
        consistency.awaitPosition(minPosition);
        communities.readable(communityId, viewer);
        Criteria visible = where("communityId").is(communityId).and("deleted").ne(true);
        long total = mongo.count(query(visible), ArticleDocument.COLLECTION);
        return Pages.newestFirst(mongo, ArticleDocument.class, ArticleDocument.COLLECTION, visible, first, after, total,
                ArticleDocument::createdAt, ArticleDocument::id, ArticleDocument::view);
    }

    @GetMapping("/articles/{id}")
    public ArticleView article(@PathVariable String id, @RequestParam(required = false) String viewer,
                               @RequestParam(required = false) Long minPosition) {
        consistency.awaitPosition(minPosition);
        ArticleDocument article = mongo.findById(id, ArticleDocument.class, ArticleDocument.COLLECTION);
        if (article == null || !access.canRead(article.communityId(), viewer)) {
            throw QueryRejectedException.notFound("UNKNOWN_ARTICLE", "There is no article with id " + id + ".");
        }
        return article.view();
    }

    @PostMapping("/articles/batch")
    public List<ArticleView> articles(@RequestBody IdBatch batch, @RequestParam(required = false) String viewer,
                                      @RequestParam(required = false) Long minPosition) {
        consistency.awaitPosition(minPosition);
        return mongo.find(query(access.readable(where("_id").in(Pages.checkedIds(batch)), "communityId", viewer)),
                ArticleDocument.class,
                ArticleDocument.COLLECTION).stream().map(ArticleDocument::view).toList();
    }
}
