package dev.praxis.query.search;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.GenericEventMessage;

/**
 * A search index in a temporary directory fed through the real projection by Axon's own handler
 * dispatch, a batch at a time as the processor would (each batch made searchable at its end).
 */
final class IndexFixture implements AutoCloseable {

    final SearchIndex index;
    final PostSearcher posts;
    final SimilarQuestions similar;
    final MemberSearcher members;
    private final AnnotationEventHandlerAdapter projection;

    IndexFixture(Path directory) {
        this(directory, Clock.systemUTC());
    }

    IndexFixture(Path directory, Clock clock) {
        index = new SearchIndex(directory, Duration.ofHours(1));
        posts = new PostSearcher(index, clock);
        similar = new SimilarQuestions(index);
        members = new MemberSearcher(index, posts);
        projection = new AnnotationEventHandlerAdapter(new SearchProjection(index));
    }

    /** Feeds the events in batches of 100, each made searchable at its end. */
    IndexFixture feed(List<?> events) {
        int inBatch = 0;
        for (Object event : events) {
            handle(event);
            if (++inBatch == 100) {
                index.afterBatch(Map.of());
                inBatch = 0;
            }
        }
        index.afterBatch(Map.of());
        return this;
    }

    IndexFixture feed(Object... events) {
        return feed(List.of(events));
    }

    void handle(Object event) {
        try {
            GenericEventMessage<?> message = new GenericEventMessage<>(event);
            if (projection.canHandle(message)) {
                projection.handle(message);
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The ids of the first page of a search by anyone, relevance first. */
    List<String> ids(String query) {
        return ids(query, SearchFilters.none(), SearchSort.RELEVANCE, Set.of());
    }

    List<String> ids(String query, SearchFilters filters, SearchSort sort, Set<String> unreadable) {
        return posts.search(query, filters, sort, 20, null, unreadable).items().stream().map(SearchHitView::id).toList();
    }

    @Override
    public void close() {
        index.close();
    }
}
