package dev.praxis.query.feed;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import dev.praxis.api.query.FeedItemView;
import dev.praxis.api.query.Page;
import dev.praxis.query.access.ReadAccess;
import dev.praxis.query.shared.Pages;
import java.util.List;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.lang.Nullable;
import org.springframework.stereotype.Component;

/**
 * What a member asked, answered, commented and published, newest first across communities: one
 * range read on (member, position), without the private communities the viewer may not read and
 * without deleted posts. The cursor is the global position of the last act seen.
 */
@Component
public class ActivityFeed {

    private static final String TAG = "ACTIVITY";

    private final MongoTemplate mongo;
    private final ReadAccess access;

    public ActivityFeed(MongoTemplate mongo, ReadAccess access) {
        this.mongo = mongo;
        this.access = access;
    }

    public Page<FeedItemView> read(String memberId, @Nullable String viewerId, Integer first, @Nullable String after) {
        int size = Pages.checkedPageSize(first);
        Criteria filter = access.readable(
                where("memberId").is(memberId).and("postDeleted").is(false).and("questionDeleted").is(false),
                "communityId", viewerId);
        if (after != null && !after.isBlank()) {
            long position = FeedCursor.number(FeedCursor.decode(after, TAG, 2)[1]);
            filter = new Criteria().andOperator(filter, where("position").lt(position));
        }
        List<Document> acts = mongo.find(Query.query(filter).with(Sort.by(Sort.Order.desc("position"))).limit(size + 1),
                Document.class, FeedProjection.ACTIVITY);
        boolean hasNext = acts.size() > size;
        List<FeedItemView> items = (hasNext ? acts.subList(0, size) : acts).stream().map(ActivityFeed::view).toList();
        return new Page<>(items, items.isEmpty() ? null : items.get(items.size() - 1).cursor(), hasNext, -1);
    }

    private static FeedItemView view(Document act) {
        long position = act.get("position", Number.class).longValue();
        return new FeedItemView(act.getString("_id"), act.getString("kind"), act.getString("postId"),
                act.getString("questionId"), act.getString("communityId"), act.getString("memberId"), null, List.of(),
                CommunityFeed.instant(act.getDate("occurredAt")), null, null, null, position,
                FeedCursor.encode(TAG, Long.toString(position)));
    }
}
