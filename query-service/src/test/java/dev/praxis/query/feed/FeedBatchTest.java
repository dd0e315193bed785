package dev.praxis.query.feed;

import static org.assertj.core.api.Assertions.assertThat;

import dev.praxis.api.article.ArticlePublished;
import dev.praxis.api.question.AnswerPosted;
import dev.praxis.api.question.QuestionAsked;
import dev.praxis.query.CommandCounter;
import dev.praxis.query.ProjectionHarness;
import dev.praxis.query.community.CommunityMemberProjection;
import dev.praxis.query.community.CommunityProjection;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The followers a batch of the feed projection has looked up are kept for the rest of the batch
 * ({@code KnownInBatch}), and follows and unfollows in the middle of the batch reach the fan-outs
 * after them; the posts' hot scores are recomputed once, at the batch's end: the whole history in
 * one batch of a tracking processor leaves the same feeds as batches of one event, with fewer
 * lookups of the followers and one read of the posts. A fan-out reads the followers of all its
 * targets (the author, the question, the tags) at once.
 */
class FeedBatchTest {

    private static final CommandCounter followerReads = new CommandCounter(e -> e.getCommandName().equals("find")
            && e.getCommand().getString("find").getValue().equals(FeedProjection.FOLLOWS));

    private static final CommandCounter postReads = new CommandCounter(e -> e.getCommandName().equals("find")
            && e.getCommand().getString("find").getValue().equals(FeedProjection.POSTS));

    @RegisterExtension
    static final ProjectionHarness harness = new ProjectionHarness(mongo -> List.of(), followerReads, postReads);

    @Test
    void oneBatchLeavesTheFeedsThatBatchesOfOneLeaveWithFewerLookups() throws Exception {
        List<EventMessage<?>> events = FeedProjectionTest.history().stream()
                .<EventMessage<?>>map(GenericEventMessage::asEventMessage).toList();

        Map<String, List<Document>> oneByOne = runTracked("feeds_one_by_one", events, 1);
        Map<String, List<Document>> inOneBatch = runTracked("feeds_in_one_batch", events, 500);

        assertThat(inOneBatch).isEqualTo(oneByOne);
        // dora follows alice, the axon tag and bob before the posts: their fan-outs reached her home feed
        assertThat(inOneBatch).containsKeys(FeedProjection.FOLLOWS, HomeFeedWriter.PAGES);
        // one by one, a fan-out looks its followers up in one read, however many targets it has (the
        // author, the question or each tag); in one batch, what was looked up is kept
        long fanOuts = events.stream().filter(e -> e.getPayload() instanceof QuestionAsked
                || e.getPayload() instanceof ArticlePublished || e.getPayload() instanceof AnswerPosted).count();
        // (and one more: the test's own dump of the read models)
        assertThat(followerReads.count("feeds_one_by_one")).as("lookups of followers one by one").isEqualTo((int) fanOuts + 1);
        followerReads.assertAtMost(0.8, "lookups of followers", "feeds_in_one_batch", "feeds_one_by_one");
        // the hot scores (equal above) were recomputed once, at the batch's end, with one read
        postReads.assertAtMost(0.25, "reads of the posts", "feeds_in_one_batch", "feeds_one_by_one");
    }

    private static Map<String, List<Document>> runTracked(String database, List<EventMessage<?>> events, int batchSize)
            throws InterruptedException {
        return harness.projectTracked(database, "feeds", events, mongo -> List.of(new CommunityProjection(mongo),
                new CommunityMemberProjection(mongo), new FeedProjection(mongo)), batchSize);
    }
}
