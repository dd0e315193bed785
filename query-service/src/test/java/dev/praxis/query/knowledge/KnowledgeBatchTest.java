package dev.praxis.query.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

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
 * The tag synonyms a batch of the knowledge projection has looked up are kept for the rest of the
 * batch ({@code KnownInBatch}), and a synonym added in the middle of the batch counts for the
 * questions after it: the whole history in one batch of a tracking processor leaves the same graph
 * as batches of one event, with fewer lookups of the synonyms.
 */
class KnowledgeBatchTest {

    private static final CommandCounter synonymReads = new CommandCounter(e -> e.getCommandName().equals("find")
            && e.getCommand().getString("find").getValue().equals(KnowledgeCollections.SYNONYMS));

    @RegisterExtension
    static final ProjectionHarness harness = new ProjectionHarness(mongo -> List.of(), synonymReads);

    @Test
    void oneBatchLeavesTheGraphThatBatchesOfOneLeaveWithFewerLookups() throws Exception {
        // as the store hands them out: the positions are the store's own
        List<EventMessage<?>> events = KnowledgeHistory.events().stream()
                .<EventMessage<?>>map(e -> new GenericEventMessage<>(e.getIdentifier(), e.getPayload(), e.getMetaData(), e.getTimestamp()))
                .toList();

        Map<String, List<Document>> oneByOne = runTracked("graph_one_by_one", events, 1);
        Map<String, List<Document>> inOneBatch = runTracked("graph_in_one_batch", events, 500);

        assertThat(inOneBatch).isEqualTo(oneByOne);
        assertThat(inOneBatch).containsKeys(KnowledgeCollections.SYNONYMS, KnowledgeCollections.EXPERTISE);
        int alone = synonymReads.count("graph_one_by_one");
        int batched = synonymReads.count("graph_in_one_batch");
        assertThat(batched).as("lookups of synonyms in one batch (%d) against one by one (%d)", batched, alone)
                .isLessThan(alone / 2);
    }

    private static Map<String, List<Document>> runTracked(String database, List<EventMessage<?>> events, int batchSize)
            throws InterruptedException {
        return harness.projectTracked(database, "knowledge", events, mongo -> List.of(new CommunityProjection(mongo),
                new CommunityMemberProjection(mongo), new KnowledgeProjection(mongo)), batchSize);
    }
}
