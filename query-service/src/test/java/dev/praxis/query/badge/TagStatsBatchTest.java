package dev.praxis.query.badge;

import static dev.praxis.query.badge.BadgeProjectionTest.message;
import static org.assertj.core.api.Assertions.assertThat;

import dev.praxis.api.question.PostKind;
import dev.praxis.api.question.PostUndeleted;
import dev.praxis.api.question.VoteCast;
import dev.praxis.api.question.VoteDirection;
import dev.praxis.query.CommandCounter;
import dev.praxis.query.ProjectionHarness;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.EventMessage;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The statistics per tag that the badge projection keeps for a batch ({@link TagStatsBatch}) stay in
 * step with its writes: a whole history in one batch of a tracking processor leaves the same read
 * models as batches of one event, the same badges earned by the same events, with a find-and-modify
 * per document instead of one per addition and the posts' scores counted on the batch's copies; and a batch handled again, alone or with new events
 * after the ones it had handled, counts nothing twice.
 */
class TagStatsBatchTest {

    private static final Instant LATER = Instant.parse("2026-03-09T10:00:00Z");

    private static final CommandCounter tagStatsWrites = new CommandCounter(e -> e.getCommandName().equals("findAndModify")
            && e.getCommand().getString("findAndModify").getValue().equals(BadgeProjection.TAG_STATS));

    /** Every command on the posts (their scores and tags): reads, find-and-modify, bulk writes. */
    private static final CommandCounter postCommands = new CommandCounter(e -> e.getCommand().containsKey(e.getCommandName())
            && e.getCommand().get(e.getCommandName()).isString()
            && e.getCommand().getString(e.getCommandName()).getValue().equals(BadgeProjection.POSTS));

    @RegisterExtension
    static final ProjectionHarness harness = new ProjectionHarness(mongo -> List.of(), tagStatsWrites, postCommands);

    @Test
    void oneBatchLeavesWhatBatchesOfOneLeaveWithAFindAndModifyPerDocument() throws Exception {
        List<EventMessage<?>> events = BadgeProjectionTest.history();

        Map<String, List<Document>> oneByOne = runTracked("tags_one_by_one", events, 1);
        Map<String, List<Document>> inOneBatch = runTracked("tags_in_one_batch", events, 500);

        assertThat(inOneBatch).isEqualTo(oneByOne);
        // the tag badge came with the vote that took bob's score in axon to 100, as one by one
        assertThat(inOneBatch.get(BadgeProjection.BADGES)).filteredOn(d -> d.getString("_id").equals("c1|bob|TAG|axon|BRONZE"))
                .singleElement().satisfies(d -> assertThat(d.getString("eventId")).isEqualTo(id("vote-a20-v5")));
        int alone = tagStatsWrites.count("tags_one_by_one");
        int batched = tagStatsWrites.count("tags_in_one_batch");
        // 20 answers and 105 votes on them add to the one document c1|bob|axon
        assertThat(alone).isGreaterThan(100);
        assertThat(batched).as("find-and-modify of the tag statistics in one batch (%d) against one by one (%d)", batched, alone)
                .isEqualTo(1);
        // the scores are counted on the batch's copies of the posts, and written behind the batch
        postCommands.assertAtMost(0.1, "commands on the posts", "tags_in_one_batch", "tags_one_by_one");
    }

    @Test
    void aBatchHandledAgainWithNewEventsAfterItCountsEachEventOnce() throws Exception {
        List<EventMessage<?>> events = BadgeProjectionTest.history();
        List<EventMessage<?>> more = new ArrayList<>(events);
        more.add(message("undelete-a20", new PostUndeleted("q20", "a20", PostKind.ANSWER, "c1", "bob", null, "mod", LATER)));
        for (int v = 6; v <= 9; v++) {
            more.add(message("vote-a20-v" + v, new VoteCast("q20", "a20", PostKind.ANSWER, "c1", "bob", VoteDirection.UP,
                    "v" + v, LATER.plusSeconds(v))));
        }
        Map<String, List<Document>> expected = runTracked("tags_expected", more, 1);

        // the processor handled the history, lost its token, and finds the new events after it
        runTracked("tags_again", events, 500);
        Map<String, List<Document>> again = runTracked("tags_again", more, 500);

        assertThat(again).isEqualTo(expected);
        Document stats = again.get(BadgeProjection.TAG_STATS).stream()
                .filter(d -> d.getString("_id").equals("c1|bob|axon")).findFirst().orElseThrow();
        assertThat(stats.getInteger("answers")).isEqualTo(20);
        assertThat(stats.getInteger("score")).isEqualTo(104 + 4);
    }

    private static Map<String, List<Document>> runTracked(String database, List<EventMessage<?>> events, int batchSize)
            throws InterruptedException {
        return harness.projectTracked(database, "badges", events, mongo -> List.of(new BadgeProjection(mongo, List.of())),
                batchSize);
    }

    private static String id(String name) {
        return message(name, "").getIdentifier();
    }
}
