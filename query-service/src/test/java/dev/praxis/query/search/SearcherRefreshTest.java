package dev.praxis.query.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.praxis.api.question.PostKind;
import dev.praxis.api.question.QuestionAsked;
import dev.praxis.api.question.VoteCast;
import dev.praxis.api.question.VoteDirection;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The searcher is refreshed when a search needs it, not after each of the processor's batches; a
 * search still finds everything the processor has passed, and the processor still reads back its
 * own writes across batches.
 */
class SearcherRefreshTest {

    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    @TempDir
    Path directory;
    private IndexFixture fixture;

    @BeforeEach
    void open() {
        fixture = new IndexFixture(directory);
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    private static QuestionAsked question(int n) {
        return new QuestionAsked("q" + n, "c", "Refreshing searchers, part " + n, "Lazily or eagerly?", List.of("lucene"), "ann", T0);
    }

    private static VoteCast upvote(String question, String voter) {
        return new VoteCast(question, question, PostKind.QUESTION, "c", "ann", VoteDirection.UP, voter, T0);
    }

    private List<SearchHitView> search(String text) {
        return fixture.posts.search(text, null, SearchSort.RELEVANCE, 100, null, Set.of()).items();
    }

    @Test
    void batchesDoNotRefreshTheSearcherButTheNextSearchSeesThemAll() {
        long before = fixture.index.refreshes();
        for (int n = 0; n < 10; n++) {
            fixture.feed(question(n)); // one batch each, as under a steady trickle of writes
        }
        assertThat(fixture.index.refreshes()).as("no refresh for the batches themselves").isEqualTo(before);

        assertThat(search("refreshing")).hasSize(10);
        assertThat(fixture.index.refreshes()).isEqualTo(before + 1);
        assertThat(search("searchers")).hasSize(10);
        assertThat(fixture.index.refreshes()).as("nothing new was written: no second refresh").isEqualTo(before + 1);
    }

    @Test
    void theProjectionReadsItsOwnWritesAcrossBatchesWithoutARefresh() {
        fixture.feed(question(1));
        fixture.feed(upvote("q1", "ben"));
        fixture.feed(upvote("q1", "cat"));
        fixture.feed(upvote("q1", "dan"));
        assertThat(fixture.index.post("q1").orElseThrow().score()).isEqualTo(3);
        assertThat(search("refreshing")).singleElement().satisfies(hit -> assertThat(hit.score()).isEqualTo(3));
    }

    @Test
    void theProcessorRefreshesItselfOnceItsUnrefreshedEntriesReachTheLimit() {
        long before = fixture.index.refreshes();
        for (int n = 0; n < SearchIndex.PENDING_LIMIT - 1; n++) {
            fixture.handle(question(n));
        }
        fixture.index.afterBatch(Map.of());
        assertThat(fixture.index.refreshes()).isEqualTo(before);
        fixture.feed(question(SearchIndex.PENDING_LIMIT));
        assertThat(fixture.index.refreshes()).isEqualTo(before + 1);
        // what it wrote before the refresh is read from the searcher now
        fixture.feed(upvote("q7", "ben"));
        assertThat(fixture.index.post("q7").orElseThrow().score()).isEqualTo(1);
        assertThat(search("refreshing").size()).isEqualTo(100);
    }
}
