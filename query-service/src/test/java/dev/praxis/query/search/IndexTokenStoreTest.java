package dev.praxis.query.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.praxis.api.question.PostKind;
import dev.praxis.api.question.QuestionAsked;
import dev.praxis.api.question.VoteCast;
import dev.praxis.api.question.VoteDirection;
import dev.praxis.api.shared.MessageJson;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The search processor's token lives in the index's commits: a restart resumes where the index
 * stands, and a batch that failed halfway is undone rather than applied twice (votes add up, so a
 * replayed half batch would count them double).
 */
class IndexTokenStoreTest {

    static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");
    static final Serializer SERIALIZER = JacksonSerializer.builder().objectMapper(MessageJson.storageMapper()).build();

    @TempDir
    Path directory;

    static TrackingToken token(long index) {
        return GapAwareTrackingToken.newInstance(index, List.of());
    }

    static void handle(SearchIndex index, Object event) throws Exception {
        new AnnotationEventHandlerAdapter(new SearchProjection(index)).handle(new GenericEventMessage<>(event));
    }

    static int scoreOf(SearchIndex index, String id) {
        return index.post(id).orElseThrow().score();
    }

    static VoteCast upvote(String voter) {
        return new VoteCast("q1", "q1", PostKind.QUESTION, "c", "ann", VoteDirection.UP, voter, T0);
    }

    @Test
    void aRestartResumesFromTheTokenCommittedWithTheIndex() throws Exception {
        SearchIndex index = new SearchIndex(directory, Duration.ZERO);
        IndexTokenStore store = new IndexTokenStore(index, SERIALIZER);
        assertThat(store.fetchSegments("search")).isEmpty();
        store.initializeTokenSegments("search", 1, null);
        handle(index, new QuestionAsked("q1", "c", "Tracking tokens in the index", "Why?", List.of(), "ann", T0));
        handle(index, upvote("ben"));
        store.storeToken(token(2), "search", 0);
        index.close();

        SearchIndex reopened = new SearchIndex(directory, Duration.ZERO);
        IndexTokenStore resumed = new IndexTokenStore(reopened, SERIALIZER);
        assertThat(resumed.fetchSegments("search")).containsExactly(0);
        assertThat(resumed.fetchToken("search", 0)).isEqualTo(token(2));
        assertThat(scoreOf(reopened, "q1")).isEqualTo(1);
        assertThat(new PostSearcher(reopened, java.time.Clock.systemUTC())
                .search("tokens", null, SearchSort.RELEVANCE, 5, null, Set.of()).items()).hasSize(1);
        reopened.close();
    }

    @Test
    void aBatchThatFailedHalfwayIsUndoneBeforeItIsRetried() throws Exception {
        SearchIndex index = new SearchIndex(directory, Duration.ofHours(1));
        IndexTokenStore store = new IndexTokenStore(index, SERIALIZER);
        store.initializeTokenSegments("search", 1, null);
        handle(index, new QuestionAsked("q1", "c", "Tracking tokens in the index", "Why?", List.of(), "ann", T0));
        store.storeToken(token(1), "search", 0);
        index.commit();
        handle(index, upvote("ben")); // the batch breaks off here: no token is stored
        assertThat(scoreOf(index, "q1")).isEqualTo(1);

        // the processor restarts its work from the token store
        assertThat(store.fetchToken("search", 0)).isEqualTo(token(1));
        assertThat(scoreOf(index, "q1")).isZero();
        handle(index, upvote("ben"));
        store.storeToken(token(2), "search", 0);
        assertThat(scoreOf(index, "q1")).isEqualTo(1);
        index.close();
    }

    @Test
    void closingCommitsTheLastCompleteBatch() throws Exception {
        SearchIndex index = new SearchIndex(directory, Duration.ofHours(1));
        IndexTokenStore store = new IndexTokenStore(index, SERIALIZER);
        store.initializeTokenSegments("search", 1, null);
        handle(index, new QuestionAsked("q1", "c", "Tracking tokens in the index", "Why?", List.of(), "ann", T0));
        store.storeToken(token(7), "search", 0);
        index.close();

        SearchIndex reopened = new SearchIndex(directory, Duration.ofHours(1));
        assertThat(new IndexTokenStore(reopened, SERIALIZER).fetchToken("search", 0)).isEqualTo(token(7));
        assertThat(reopened.post("q1")).isPresent();
        reopened.close();
    }
}
