package dev.praxis.query.reputation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.praxis.api.question.AnswerAccepted;
import dev.praxis.api.question.PostKind;
import dev.praxis.api.question.PostUndeleted;
import dev.praxis.api.question.VoteCast;
import dev.praxis.api.question.VoteDirection;
import dev.praxis.api.reputation.ReputationPreset;
import dev.praxis.api.reputation.ReputationRule;
import dev.praxis.api.reputation.ReputationRulesChanged;
import dev.praxis.query.CommandCounter;
import dev.praxis.query.ProjectionHarness;
import dev.praxis.query.ReadModelDump;
import dev.praxis.query.community.CommunityMemberProjection;
import dev.praxis.query.community.CommunityProjection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.bson.Document;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * What the reputation projection remembers for a batch ({@link ReputationBatch}) stays in step with
 * its own writes: a whole history in one batch of a tracking processor leaves the same read models as
 * batches of one event each, where nothing is remembered, even when a rules change in the middle of
 * the batch recomputes a community; and the batch reads each document from the server once.
 */
class ReputationBatchTest {

    private static final Instant LATER = Instant.parse("2026-03-20T10:00:00Z");

    /** Reads of the reputation collections (find commands) per database, as the server received them. */
    private static final CommandCounter reputationReads = new CommandCounter(e -> e.getCommandName().equals("find")
            && e.getCommand().getString("find").getValue().startsWith("reputation_"));
    private static final Map<String, Integer> readsWhileProjecting = new ConcurrentHashMap<>();

    /** Reads of the causes alone. */
    private static final CommandCounter causeReads = new CommandCounter(e -> e.getCommandName().equals("find")
            && e.getCommand().getString("find").getValue().equals(ReputationCollections.CAUSES));

    @RegisterExtension
    static final ProjectionHarness harness = new ProjectionHarness(mongo -> List.of(), reputationReads, causeReads);

    @Test
    void oneBatchLeavesWhatBatchesOfOneLeaveAndReadsEachDocumentOnce() throws Exception {
        List<EventMessage<?>> events = ReputationProjectionTest.history();

        Map<String, List<Document>> oneByOne = runTracked("one_by_one", events, 1);
        Map<String, List<Document>> inOneBatch = runTracked("in_one_batch", events, 500);

        assertThat(inOneBatch).isEqualTo(oneByOne);
        assertThat(inOneBatch.get(ReputationCollections.TOTALS)).isNotEmpty();
        int alone = readsWhileProjecting.get("one_by_one");
        int batched = readsWhileProjecting.get("in_one_batch");
        // rules, totals, vote days, thread tags and causes: read once per batch, then kept in step
        assertThat(batched).as("reads of the reputation collections in one batch (%d) against one by one (%d)", batched, alone)
                .isLessThan(alone / 2);
        // every thread of the history starts in the batch: its votes, acceptances and deletions find
        // their causes among the batch's own, without a read (the dump reads the collection once)
        assertThat(causeReads.count("one_by_one")).isGreaterThan(5);
        assertThat(causeReads.count("in_one_batch")).isEqualTo(1);
    }

    @Test
    void aRulesChangeInTheBatchRecomputesWhatTheBatchWroteBeforeIt() throws Exception {
        List<EventMessage<?>> events = new ArrayList<>(ReputationProjectionTest.history());
        // the change replaces the community's totals, causes and boards; the events after it must see the new ones
        events.add(message(new ReputationRulesChanged("c1", 2, ReputationPreset.STACK_OVERFLOW,
                Map.of(ReputationRule.ANSWER_UPVOTE, 5, ReputationRule.ANSWER_ACCEPTED, 20), "alice", LATER)));
        events.add(message(new VoteCast("q1", "a1", PostKind.ANSWER, "c1", "bob", VoteDirection.UP, "dora",
                LATER.plusSeconds(1))));
        events.add(message(new PostUndeleted("q1", "a2", PostKind.ANSWER, "c1", "chen", null, "alice",
                LATER.plusSeconds(2))));
        events.add(message(new AnswerAccepted("q1", "a1", "c1", "bob", "alice", LATER.plusSeconds(3))));

        Map<String, List<Document>> oneByOne = runTracked("rules_one_by_one", events, 1);
        Map<String, List<Document>> inOneBatch = runTracked("rules_in_one_batch", events, 500);

        assertThat(inOneBatch).isEqualTo(oneByOne);
        assertThat(inOneBatch.get(ReputationCollections.HISTORY))
                .anySatisfy(h -> assertThat(h.getString("reason")).isEqualTo("RULES_CHANGED"));
    }

    private static Map<String, List<Document>> runTracked(String database, List<EventMessage<?>> events, int batchSize)
            throws InterruptedException {
        harness.client().getDatabase(database).drop();
        MongoTemplate mongo = harness.mongo(database);
        List<Object> projections = List.of(new CommunityProjection(mongo), new CommunityMemberProjection(mongo),
                new ReputationProjection(mongo));
        int before = reputationReads.count(database);
        ProjectionHarness.runTracked("reputation", mongo, events, projections, batchSize);
        // the projection's reads only, not the dump's
        readsWhileProjecting.put(database, reputationReads.count(database) - before);
        return ReadModelDump.of(mongo.getDb());
    }

    private static EventMessage<?> message(Object payload) {
        return new GenericEventMessage<>(UUID.randomUUID().toString(), payload, Map.of(), LATER);
    }
}
