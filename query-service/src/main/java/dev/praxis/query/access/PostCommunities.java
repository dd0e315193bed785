package dev.praxis.query.access;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * The community of a post (question, answer or article) for the read models that name only the
 * post, such as revisions and bounties, so that {@link ReadAccess} can judge them. It reads the
 * {@code communityId} of the content projections' documents by field name, as ReadAccess does.
 */
@Component
public class PostCommunities {

    private static final List<String> POST_COLLECTIONS = List.of("questions", "answers", "articles");

    private final MongoTemplate mongo;

    public PostCommunities(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** The community of one post; empty for a post the read side does not know. */
    public Optional<String> communityOf(String postId) {
        return Optional.ofNullable(communitiesOf(List.of(postId)).get(postId));
    }

    /** The community of each post the read side knows, by post id (one call per kind of post at most). */
    public Map<String, String> communitiesOf(Collection<String> postIds) {
        Map<String, String> found = new HashMap<>();
        for (String collection : POST_COLLECTIONS) {
            List<String> missing = postIds.stream().filter(id -> !found.containsKey(id)).distinct().toList();
            if (missing.isEmpty()) {
                break;
            }
            Query query = Query.query(where("_id").in(missing));
            query.fields().include("communityId");
            mongo.find(query, Document.class, collection)
                    .forEach(post -> found.put(post.getString("_id"), post.getString("communityId")));
        }
        return found;
    }
}
