package dev.praxis.query.feed;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import dev.praxis.api.query.FeedItemView;
import dev.praxis.api.query.Page;
import dev.praxis.query.access.ReadAccess;
import dev.praxis.query.shared.Pages;
import dev.praxis.query.shared.QueryRejectedException;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.lang.Nullable;
import org.springframework.stereotype.Component;

/**
 * A community's questions and articles in one {@link FeedOrder}, optionally of one tag: one range
 * read on an index of {@code feed_posts} (the sort key, then the id), at most one item beyond the
 * page, whatever the size of the community. Keyset cursors: new posts arriving on top never shift
 * a page. (In the ACTIVE and HOT orders a post that gains activity moves up, as it should.)
 */
@Component
public class CommunityFeed {

    private final MongoTemplate mongo;
    private final ReadAccess access;

    public CommunityFeed(MongoTemplate mongo, ReadAccess access) {
        this.mongo = mongo;
        this.access = access;
    }

    public Page<FeedItemView> read(String communityId, @Nullable String viewerId, FeedOrder order, @Nullable String tag,
                                   Integer first, @Nullable String after) {
        int size = Pages.checkedPageSize(first);
        if (!access.canRead(communityId, viewerId)) {
            throw QueryRejectedException.notFound("UNKNOWN_COMMUNITY", "There is no community with id " + communityId + ".");
        }
        Criteria filter = where("communityId").is(communityId).and("deleted").is(false).and("questionDeleted").is(false);
        if (order == FeedOrder.UNANSWERED) {
            filter = filter.and("kind").is("QUESTION").and("answerCount").is(0).and("closed").is(false);
        } else {
            filter = filter.and("kind").in("QUESTION", "ARTICLE");
        }
        if (tag != null && !tag.isBlank()) {
            filter = filter.and("tags").is(tag);
        }
        if (after != null && !after.isBlank()) {
            String[] cursor = FeedCursor.decode(after, order.name(), 3);
            Object key = order == FeedOrder.HOT ? (Object) parseDouble(cursor[1]) : new Date(FeedCursor.number(cursor[1]));
            filter = new Criteria().andOperator(filter, new Criteria().orOperator(
                    where(order.field).lt(key),
                    new Criteria().andOperator(where(order.field).is(key), where("_id").lt(cursor[2]))));
        }
        List<Document> posts = mongo.find(Query.query(filter)
                .with(Sort.by(Sort.Order.desc(order.field), Sort.Order.desc("_id")))
                .limit(size + 1), Document.class, FeedProjection.POSTS);
        boolean hasNext = posts.size() > size;
        List<FeedItemView> items = (hasNext ? posts.subList(0, size) : posts).stream().map(post -> view(post, order)).toList();
        return new Page<>(items, items.isEmpty() ? null : items.get(items.size() - 1).cursor(), hasNext, -1);
    }

    private static double parseDouble(String part) {
        try {
            return Double.parseDouble(part);
        } catch (NumberFormatException e) {
            throw FeedCursor.invalid();
        }
    }

    private static FeedItemView view(Document post, FeedOrder order) {
        String id = post.getString("_id");
        Object key = post.get(order.field);
        String keyPart = key instanceof Date date ? Long.toString(date.getTime()) : String.valueOf(key);
        return new FeedItemView(id, post.getString("kind"), id, post.getString("questionId"), post.getString("communityId"),
                post.getString("authorId"), post.getString("title"), post.getList("tags", String.class, List.of()),
                instant(post.getDate("createdAt")), instant(post.getDate("lastActivityAt")), post.getDouble("hot"), null,
                post.get("position", Number.class).longValue(), FeedCursor.encode(order.name(), keyPart, id));
    }

    static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
