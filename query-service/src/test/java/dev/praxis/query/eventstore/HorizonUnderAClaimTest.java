package dev.praxis.query.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import dev.praxis.query.CommandCounter;
import dev.praxis.query.ProjectionHarness;
import dev.praxis.query.shared.DeliveryHorizon;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.serialization.json.JacksonSerializer;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The delivery horizon kept in memory while this instance holds the segment without a break
 * ({@link FreshClaimTokenStore} as its {@code Claims}), on axon-mongo's token store and the embedded
 * MongoDB: batches in a row write the stored horizon once per {@value DeliveryHorizon#LEAP}
 * positions, and after the segment went through another instance's hands the stored horizon is read
 * again, so that events that instance handed are checked, not counted twice.
 */
class HorizonUnderAClaimTest {

    private static final CommandCounter horizonWrites = new CommandCounter(e ->
            (e.getCommandName().equals("findAndModify") || e.getCommandName().equals("update"))
                    && e.getCommand().getString(e.getCommandName()).getValue().equals(DeliveryHorizon.COLLECTION));

    @RegisterExtension
    static final ProjectionHarness harness = new ProjectionHarness(mongo -> List.of(), horizonWrites);

    @Test
    void batchesInARowUnderOneClaimWriteTheStoredHorizonOncePerLeap() throws Exception {
        FreshClaimTokenStore a = store("in_a_row", "node-a");
        a.initializeTokenSegments("feeds", 1);
        a.fetchToken("feeds", 0);
        DeliveryHorizon held = new DeliveryHorizon("feeds", harness.mongo("in_a_row"), a);

        List<String> answers = new ArrayList<>();
        for (int start = 0; start < 250; start += 10) {
            answers.addAll(batch(held, start, start + 10));
        }

        // 25 batches: the claim's first raises the horizon to 9 + 100, then 119 and 229 pass it
        assertThat(horizonWrites.count("in_a_row")).isEqualTo(3);
        assertThat(answers).allMatch(answer -> answer.endsWith("first"));
        assertThat(stored("in_a_row")).isEqualTo(229 + DeliveryHorizon.LEAP);

        // without a claim it knows of, every batch reads and raises the stored horizon, as before
        DeliveryHorizon unknown = new DeliveryHorizon("feeds", harness.mongo("unknown"));
        for (int start = 0; start < 250; start += 10) {
            batch(unknown, start, start + 10);
        }
        assertThat(horizonWrites.count("unknown")).isEqualTo(25);
        assertThat(stored("unknown")).isEqualTo(249);
    }

    @Test
    void afterAnotherInstanceHeldTheSegmentTheStoredHorizonIsReadAgain() throws Exception {
        FreshClaimTokenStore a = store("handed_over", "node-a");
        FreshClaimTokenStore b = store("handed_over", "node-b");
        a.initializeTokenSegments("feeds", 1);
        a.fetchToken("feeds", 0);
        DeliveryHorizon onA = new DeliveryHorizon("feeds", harness.mongo("handed_over"), a);
        DeliveryHorizon onB = new DeliveryHorizon("feeds", harness.mongo("handed_over"), b);

        assertThat(batch(onA, 0, 5)).containsOnly("first");
        a.releaseClaim("feeds", 0);
        b.fetchToken("feeds", 0);
        // node-b hands the events up to 300 (its own horizon first reads node-a's leap: 4 + 100)
        batch(onB, 5, 300);
        b.releaseClaim("feeds", 0);
        a.fetchToken("feeds", 0);

        // node-a, claiming again from an older token, is handed events node-b handled: they are checked
        assertThat(batch(onA, 5, 10)).containsOnly("again");
        // up to node-b's leap past its last batch (299 + 100) too: it may have handed them for all node-a knows
        assertThat(batch(onA, 395, 400)).containsOnly("again");
        assertThat(batch(onA, 400, 405)).containsOnly("first");
    }

    @Test
    void aClaimNotRenewedForAFifthOfItsTimeoutIsNotTrustedWithoutTheStore() throws Exception {
        MutableClock clock = new MutableClock();
        FreshClaimTokenStore a = new FreshClaimTokenStore(mongoStore("stale", "node-a"), Duration.ofSeconds(10), clock);
        a.initializeTokenSegments("feeds", 1);
        a.fetchToken("feeds", 0);
        DeliveryHorizon onA = new DeliveryHorizon("feeds", harness.mongo("stale"), a);
        batch(onA, 0, 5);
        int before = horizonWrites.count("stale");

        clock.millis += 2_000;
        // another instance may have taken the segment over since: raised through the store, which answers 104
        assertThat(a.unbrokenClaim("feeds", 0)).isEqualTo(-1);
        assertThat(batch(onA, 5, 10)).containsOnly("again");
        assertThat(horizonWrites.count("stale") - before).isEqualTo(1);

        // renewed again, the same claim: what the batch handed meanwhile is known to the store only
        a.storeToken(new GlobalSequenceTrackingToken(9), "feeds", 0);
        assertThat(a.unbrokenClaim("feeds", 0)).isNotNegative();
        assertThat(batch(onA, 5, 10)).containsOnly("again");
    }

    /** Hands the events at positions [from, to) to the horizon as one batch of segment 0; answers first or again for each. */
    private static List<String> batch(DeliveryHorizon horizon, long from, long to) throws Exception {
        List<EventMessage<?>> events = new ArrayList<>();
        for (long position = from; position < to; position++) {
            events.add(new GenericTrackedEventMessage<>(new GlobalSequenceTrackingToken(position),
                    GenericEventMessage.asEventMessage("count-" + position)));
        }
        BatchingUnitOfWork<EventMessage<?>> unitOfWork = new BatchingUnitOfWork<>(events);
        unitOfWork.resources().put("Processor[feeds]/SegmentId", 0);
        List<String> answers = new ArrayList<>();
        unitOfWork.executeWithResult(() -> horizon.handle(unitOfWork, () -> {
            answers.add(DeliveryHorizon.firstDelivery() ? "first" : "again");
            return null;
        }));
        assertThat(answers).hasSize((int) (to - from));
        return answers;
    }

    private static long stored(String database) {
        MongoTemplate mongo = harness.mongo(database);
        return mongo.findById("feeds", Document.class, DeliveryHorizon.COLLECTION).get("position", Number.class).longValue();
    }

    private static FreshClaimTokenStore store(String database, String node) {
        return new FreshClaimTokenStore(mongoStore(database, node), Duration.ofSeconds(10), Clock.systemUTC());
    }

    private static MongoTokenStore mongoStore(String database, String node) {
        return MongoTokenStore.builder()
                .nodeId(node)
                .claimTimeout(Duration.ofSeconds(10))
                .mongoTemplate(DefaultMongoTemplate.builder().mongoDatabase(harness.client(), database)
                        .trackingTokensCollectionName("tracking_tokens").build())
                .serializer(JacksonSerializer.defaultSerializer())
                .build();
    }

    private static final class MutableClock extends Clock {

        private long millis = System.currentTimeMillis();

        @Override
        public long millis() {
            return millis;
        }

        @Override
        public java.time.Instant instant() {
            return java.time.Instant.ofEpochMilli(millis);
        }

        @Override
        public java.time.ZoneId getZone() {
            return java.time.ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
