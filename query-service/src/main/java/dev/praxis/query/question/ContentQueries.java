package dev.praxis.query.question;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import dev.praxis.api.query.CommentView;
import dev.praxis.api.query.IdBatch;
import dev.praxis.api.query.RevisionView;
import dev.praxis.query.consistency.ReadConsistency;
import dev.praxis.query.shared.Pages;
import java.util.List;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Revision histories and comments of posts, oldest first, one post or a batch of posts at a time. */
@RestController
public class ContentQueries {

    private final MongoTemplate mongo;
    private final ReadConsistency consistency;

    public ContentQueries(MongoTemplate mongo, ReadConsistency consistency) {
        this.mongo = mongo;
        this.consistency = consistency;
    }

    /** A post's revisions (question, answer or article), revision 1 first. */
    @GetMapping("/posts/{postId}/revisions")
    public List<RevisionView> revisions(@PathVariable String postId, @RequestParam(required = false) Long minPosition) {
        consistency.awaitPosition(minPosition);
        return mongo.find(query(where("postId").is(postId)).with(Sort.by("revision")), RevisionDocument.class,
                RevisionDocument.COLLECTION).stream().map(RevisionDocument::view).toList();
    }

    /**
     * The revisions of a batch of posts, each post's revision 1 first; each names its post. The
     * gateway's data loaders ask for the revisions of a whole page of posts with one call.
     */
    @PostMapping("/posts/revisions/batch")
    public List<RevisionView> revisionsOfPosts(@RequestBody IdBatch batch, @RequestParam(required = false) Long minPosition) {
        consistency.awaitPosition(minPosition);
        return mongo.find(query(where("postId").in(Pages.checkedIds(batch))).with(Sort.by("postId", "revision")),
                RevisionDocument.class, RevisionDocument.COLLECTION).stream().map(RevisionDocument::view).toList();
    }

    /** Comments (not deleted) by id. */
    @PostMapping("/comments/batch")
    public List<CommentView> commentsById(@RequestBody IdBatch batch, @RequestParam(required = false) Long minPosition) {
        consistency.awaitPosition(minPosition);
        return mongo.find(query(where("_id").in(Pages.checkedIds(batch)).and("deleted").ne(true)), CommentDocument.class,
                CommentDocument.COLLECTION).stream().map(CommentDocument::view).toList();
    }

    /** The comments (not deleted) of a batch of posts, oldest first; each names its post. */
    @PostMapping("/posts/comments/batch")
    public List<CommentView> comments(@RequestBody IdBatch batch, @RequestParam(required = false) Long minPosition) {
        consistency.awaitPosition(minPosition);
        return mongo.find(query(where("postId").in(Pages.checkedIds(batch)).and("deleted").ne(true))
                        .with(Sort.by("createdAt", "_id")), CommentDocument.class, CommentDocument.COLLECTION)
                .stream().map(CommentDocument::view).toList();
    }
}
