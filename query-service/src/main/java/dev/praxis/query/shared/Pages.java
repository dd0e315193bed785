package dev.praxis.query.shared;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import dev.praxis.api.query.IdBatch;
import dev.praxis.api.query.Page;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/** Newest-first keyset pagination over documents with {@code createdAt} and {@code _id}. */
public final class Pages {

    public static final int MAX_PAGE = 100;
    public static final int MAX_BATCH = 500;

    private Pages() {
    }

    public static int checkedPageSize(Integer first) {
        int size = first == null ? 20 : first;
        if (size < 1 || size > MAX_PAGE) {
            throw QueryRejectedException.invalid("INVALID_PAGE_SIZE", "A page holds 1 to " + MAX_PAGE + " items.");
        }
        return size;
    }

    public static List<String> checkedIds(IdBatch batch) {
        if (batch == null || batch.ids() == null) {
            throw QueryRejectedException.invalid("MISSING_IDS", "A batch names the ids to fetch.");
        }
        if (batch.ids().size() > MAX_BATCH) {
            throw QueryRejectedException.invalid("BATCH_TOO_LARGE", "A batch holds at most " + MAX_BATCH + " ids.");
        }
        return batch.ids();
    }

    /**
     * One page of the documents matching {@code filter}, newest first, after the cursor; the
     * documents are fetched one beyond the page size to know whether another page follows.
     */
    public static <D, V> Page<V> newestFirst(MongoTemplate mongo, Class<D> type, String collection, Criteria filter,
                                             Integer first, String after, long totalCount,
                                             Function<D, Instant> createdAt, Function<D, String> id,
                                             Function<D, V> view) {
        int size = checkedPageSize(first);
        Criteria criteria = filter;
        if (after != null && !after.isBlank()) {
            PageCursor cursor = PageCursor.decode(after);
            criteria = new Criteria().andOperator(filter, new Criteria().orOperator(
                    where("createdAt").lt(cursor.createdAt()),
                    new Criteria().andOperator(where("createdAt").is(cursor.createdAt()), where("_id").lt(cursor.id()))));
        }
        Query query = Query.query(criteria)
                .with(Sort.by(Sort.Order.desc("createdAt"), Sort.Order.desc("_id")))
                .limit(size + 1);
        return newestFirst(mongo.find(query, type, collection), size, totalCount, createdAt, id, view);
    }

    /** The page of {@code size} items from documents read in order, one beyond the page when another follows. */
    public static <D, V> Page<V> newestFirst(List<D> documents, int size, long totalCount, Function<D, Instant> createdAt,
                                             Function<D, String> id, Function<D, V> view) {
        boolean hasNext = documents.size() > size;
        List<D> page = hasNext ? documents.subList(0, size) : documents;
        String endCursor = page.isEmpty() ? null
                : new PageCursor(createdAt.apply(page.get(page.size() - 1)), id.apply(page.get(page.size() - 1))).encode();
        return new Page<>(page.stream().map(view).toList(), endCursor, hasNext, totalCount);
    }
}
