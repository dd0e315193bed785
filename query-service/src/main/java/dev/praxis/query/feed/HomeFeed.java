package dev.praxis.query.feed;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import dev.praxis.api.query.FeedItemView;
import dev.praxis.api.query.Page;
import dev.praxis.query.access.ReadAccess;
import dev.praxis.query.shared.Pages;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.lang.Nullable;
import org.springframework.stereotype.Component;

/**
 * A member's home feed, newest first, read by key: the head names the newest item number, the
 * pages that hold the numbers below the cursor are fetched by id (a page of up to 100 items spans
 * at most four pages of {@value HomeFeedWriter#PAGE_ITEMS}). Items of private communities the
 * member may no longer read and items of deleted posts are left out at read time, with one lookup
 * of the page's posts; when that thins a page, a few more pages are read, never more than
 * {@value #ROUNDS} rounds. The cursor is the number of the last item seen: new items get higher
 * numbers, so a page never shifts.
 */
@Component
public class HomeFeed {

    static final int ROUNDS = 3;
    private static final String TAG = "HOME";

    private final MongoTemplate mongo;
    private final ReadAccess access;

    public HomeFeed(MongoTemplate mongo, ReadAccess access) {
        this.mongo = mongo;
        this.access = access;
    }

    public Page<FeedItemView> read(String memberId, Integer first, @Nullable String after) {
        int size = Pages.checkedPageSize(first);
        long below = Long.MAX_VALUE;
        if (after != null && !after.isBlank()) {
            below = FeedCursor.number(FeedCursor.decode(after, TAG, 2)[1]);
        }
        Document head = mongo.findOne(query(where("_id").is(memberId)), Document.class, HomeFeedWriter.HEADS);
        if (head == null) {
            return new Page<>(List.of(), null, false, -1);
        }
        long highest = Math.min(below - 1, head.get("last", Number.class).longValue());
        Set<String> unreadable = access.unreadablePrivateCommunities(memberId);
        List<Document> kept = new ArrayList<>();
        for (int round = 0; round < ROUNDS && kept.size() <= size && highest >= 1; round++) {
            long lowest = Math.max(1, highest - size);
            List<String> pageIds = new ArrayList<>();
            for (long page = HomeFeedWriter.pageOf(highest); page >= HomeFeedWriter.pageOf(lowest); page--) {
                pageIds.add(HomeFeedWriter.pageId(memberId, page));
            }
            List<Document> items = new ArrayList<>();
            long top = highest;
            mongo.find(query(where("_id").in(pageIds)), Document.class, HomeFeedWriter.PAGES)
                    .forEach(page -> page.getList("items", Document.class).stream()
                            .filter(item -> number(item) <= top)
                            .forEach(items::add));
            items.sort(Comparator.comparingLong(HomeFeed::number).reversed());
            kept.addAll(visible(items, unreadable));
            highest = HomeFeedWriter.pageOf(lowest) * HomeFeedWriter.PAGE_ITEMS; // below the lowest page read
        }
        boolean hasNext = kept.size() > size || highest >= 1;
        List<Document> page = kept.size() > size ? kept.subList(0, size) : kept;
        List<FeedItemView> views = page.stream().map(HomeFeed::view).toList();
        // a page cut short by the round limit continues below the pages read, not after its last item
        String endCursor = kept.size() > size || highest < 1
                ? (views.isEmpty() ? null : views.get(views.size() - 1).cursor())
                : FeedCursor.encode(TAG, Long.toString(highest + 1));
        return new Page<>(views, endCursor, hasNext, -1);
    }

    /** The items whose community the member may read and whose post is not deleted (one lookup of their posts). */
    private List<Document> visible(List<Document> items, Set<String> unreadable) {
        List<Document> readable = items.stream().filter(item -> !unreadable.contains(item.getString("communityId"))).toList();
        if (readable.isEmpty()) {
            return readable;
        }
        Set<String> gone = new HashSet<>();
        mongo.find(query(where("_id").in(readable.stream().map(item -> item.getString("postId")).distinct().toList())
                                .orOperator(where("deleted").is(true), where("questionDeleted").is(true))),
                        Document.class, FeedProjection.POSTS)
                .forEach(post -> gone.add(post.getString("_id")));
        return readable.stream().filter(item -> !gone.contains(item.getString("postId"))).toList();
    }

    private static long number(Document item) {
        return item.get("number", Number.class).longValue();
    }

    private static FeedItemView view(Document item) {
        return new FeedItemView(item.getString("id"), item.getString("kind"), item.getString("postId"),
                item.getString("questionId"), item.getString("communityId"), item.getString("actorId"), null, List.of(),
                CommunityFeed.instant(item.getDate("occurredAt")), null, null, item.getString("reason"),
                item.get("position", Number.class).longValue(), FeedCursor.encode(TAG, Long.toString(number(item))));
    }
}
