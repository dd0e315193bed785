package dev.praxis.query.question;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import dev.praxis.api.query.CommentView;
import dev.praxis.api.query.IdBatch;
import dev.praxis.api.query.RevisionView;
import dev.praxis.query.access.PostCommunities;
import dev.praxis.query.access.ReadAccess;
import dev.praxis.query.consistency.ReadConsistency;
import dev.praxis.query.shared.Pages;
import dev.praxis.query.shared.QueryRejectedException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Revision histories and comments of posts, oldest first, one post or a batch of posts at a time,
 * for the {@code viewer} (a member id; absent: anonymous): those of a private community only for
 * its current members.
 */
@RestController
public class ContentQueries {

    private final MongoTemplate mongo;
    private final ReadConsistency consistency;
    private final ReadAccess access;
    private final PostCommunities posts;

    public ContentQueries(MongoTemplate mongo, ReadConsistency consistency, ReadAccess access, PostCommunities posts) {
        this.mongo = mongo;
        this.consistency = consistency;
        this.access = access;
        this.posts = posts;
    }

    /**
     * A post's revisions (question, answer or article), revision 1 first; 404 {@code UNKNOWN_POST}
     * for a post the viewer may not read (or that does not exist).
     */
    @GetMapping("/posts/{postId}/revisions")
    public List<RevisionView> revisions(@PathVariable String postId, @RequestParam(required = false) String viewer,
                                        @RequestParam(required = false) Long minPosition) {
        consistency.awaitPosition(minPosition);
        if (!posts.communityOf(postId).map(community -> access.canRead(community, viewer)).orElse(false)) {
            throw QueryRejectedException.notFound("UNKNOWN_POST", "There is no post with id " + postId + ".");
        }
        return mongo.find(query(where("postId").is(postId)).with(Sort.by("revision")), RevisionDocument.class,
                RevisionDocument.COLLECTION).stream().map(RevisionDocument::view).toList();
    }

    /**
     * The revisions of a batch of posts, each post's revision 1 first; each names its post. The
     * gateway's data loaders ask for the revisions of a whole page of posts with one call.
     */
    @PostMapping("/posts/revisions/batch")
    public List<RevisionView> revisionsOfPosts(@RequestBody IdBatch batch, @RequestParam(required = false) String viewer,
                                               @RequestParam(required = false) Long minPosition) {
        consistency.awaitPosition(minPosition);
        // only the posts of communities the viewer may read
        Set<String> unreadable = access.unreadablePrivateCommunities(viewer);
        List<String> readable = posts.communitiesOf(Pages.checkedIds(batch)).entrySet().stream()
                .filter(post -> !unreadable.contains(post.getValue()))
                .map(Map.Entry::getKey).toList();
        return mongo.find(query(where("postId").in(readable)).with(Sort.by("postId", "revision")),
                RevisionDocument.class, RevisionDocument.COLLECTION).stream().map(RevisionDocument::view).toList();
    }

    /** Comments (not deleted) by id. */
    @PostMapping("/comments/batch")
    public List<CommentView> commentsById(@RequestBody IdBatch batch, @RequestParam(required = false) String viewer,
                                          @RequestParam(required = false) Long minPosition) {
        consistency.awaitPosition(minPosition);
        return mongo.find(query(access.readable(where("_id").in(Pages.checkedIds(batch)).and("deleted").ne(true),
                        "communityId", viewer)), CommentDocument.class,
                CommentDocument.COLLECTION).stream().map(CommentDocument::view).toList();
    }

    /** The comments (not deleted) of a batch of posts, oldest first; each names its post. */
    @PostMapping("/posts/comments/batch")
    public List<CommentView> comments(@RequestBody IdBatch batch, @RequestParam(required = false) String viewer,
                                      @RequestParam(required = false) Long minPosition) {
        consistency.awaitPosition(minPosition);
        return mongo.find(query(access.readable(where("postId").in(Pages.checkedIds(batch)).and("deleted").ne(true),
                        "communityId", viewer))
                        .with(Sort.by("createdAt", "_id")), CommentDocument.class, CommentDocument.COLLECTION)
                .stream().map(CommentDocument::view).toList();
    }
}
