package dev.praxis.query.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.praxis.query.CommandCounter;
import dev.praxis.query.ProjectionHarness;
import dev.praxis.query.community.CommunityMemberProjection;
import dev.praxis.query.community.CommunityProjection;
import dev.praxis.api.question.PostDeleted;
import dev.praxis.api.question.PostKind;
import dev.praxis.api.question.PostUndeleted;
import dev.praxis.api.question.VoteCast;
import dev.praxis.api.question.VoteDirection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The tag synonyms and the threads a batch of the knowledge projection has looked up are kept for
 * the rest of the batch ({@code KnownInBatch}); a synonym added in the middle of the batch counts
 * for the questions after it, and a thread's deletions, retags and answers count for the events
 * after them: the whole history in one batch of a tracking processor leaves the same graph as
 * batches of one event, with fewer lookups.
 */
class KnowledgeBatchTest {

    private static final CommandCounter synonymReads = new CommandCounter(e -> e.getCommandName().equals("find")
            && e.getCommand().getString("find").getValue().equals(KnowledgeCollections.SYNONYMS));

    private static final CommandCounter threadReads = new CommandCounter(e -> e.getCommandName().equals("find")
            && e.getCommand().getString("find").getValue().equals(KnowledgeCollections.THREADS));

    private static final CommandCounter contributionWrites = new CommandCounter(e -> e.getCommandName().equals("update")
            && e.getCommand().getString("update").getValue().equals(KnowledgeCollections.CONTRIBUTIONS));

    @RegisterExtension
    static final ProjectionHarness harness = new ProjectionHarness(mongo -> List.of(), synonymReads, threadReads,
            contributionWrites);

    @Test
    void oneBatchLeavesTheGraphThatBatchesOfOneLeaveWithFewerLookups() throws Exception {
        // as the store hands them out: the positions are the store's own
        List<EventMessage<?>> events = new ArrayList<>(KnowledgeHistory.events().stream()
                .<EventMessage<?>>map(e -> new GenericEventMessage<>(e.getIdentifier(), e.getPayload(), e.getMetaData(), e.getTimestamp()))
                .toList());
        // recognition right after its thread changed within the batch: a vote on a deleted answer; on an
        // answer of a question deleted and undeleted; on an answer of a question that stays deleted
        events.add(vote("q2", "a3", "chen", "gus", 300));
        events.add(GenericEventMessage.asEventMessage(
                new PostDeleted("q2", "q2", PostKind.QUESTION, "guild", "dora", "duplicate", "alice", KnowledgeHistory.at(301))));
        events.add(GenericEventMessage.asEventMessage(
                new PostUndeleted("q2", "q2", PostKind.QUESTION, "guild", "dora", "not one", "alice", KnowledgeHistory.at(302))));
        events.add(vote("q2", "a4", "bob", "hana", 303));
        events.add(GenericEventMessage.asEventMessage(
                new PostDeleted("q1", "q1", PostKind.QUESTION, "guild", "alice", "outdated", "alice", KnowledgeHistory.at(304))));
        events.add(vote("q1", "a1", "bob", "gus", 305));

        Map<String, List<Document>> oneByOne = runTracked("graph_one_by_one", events, 1);
        Map<String, List<Document>> inOneBatch = runTracked("graph_in_one_batch", events, 500);

        assertThat(inOneBatch).isEqualTo(oneByOne);
        assertThat(inOneBatch).containsKeys(KnowledgeCollections.SYNONYMS, KnowledgeCollections.EXPERTISE);
        assertThat(inOneBatch.get(KnowledgeCollections.CONTRIBUTIONS))
                .filteredOn(c -> List.of("gus", "hana").contains(c.getString("actorId")))
                .extracting(c -> c.getString("key"), c -> c.getBoolean("active"))
                .containsExactlyInAnyOrder(tuple("vote/a3/gus", false), tuple("vote/a4/hana", true),
                        tuple("vote/a1/gus", false), tuple("vote/a1/gus", false));
        threadReads.assertAtMost(0.5, "lookups of threads", "graph_in_one_batch", "graph_one_by_one");
        // the contributions credited go with the batch's other writes
        contributionWrites.assertAtMost(0.6, "writes of contributions", "graph_in_one_batch", "graph_one_by_one");
        synonymReads.assertAtMost(0.5, "lookups of synonyms", "graph_in_one_batch", "graph_one_by_one");
    }

    private static EventMessage<?> vote(String questionId, String answerId, String author, String voter, long hours) {
        return GenericEventMessage.asEventMessage(new VoteCast(questionId, answerId, PostKind.ANSWER, "guild", author,
                VoteDirection.UP, voter, KnowledgeHistory.at(hours)));
    }

    private static Map<String, List<Document>> runTracked(String database, List<EventMessage<?>> events, int batchSize)
            throws InterruptedException {
        return harness.projectTracked(database, "knowledge", events, mongo -> List.of(new CommunityProjection(mongo),
                new CommunityMemberProjection(mongo), new KnowledgeProjection(mongo)), batchSize);
    }
}
