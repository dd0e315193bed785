package dev.praxis.query.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import dev.praxis.query.ProjectionHarness;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;

/**
 * The horizon is raised when a handler first asks whether its event is new, not before every batch:
 * a batch of field settings writes no horizon, and a batch that fails after a handler counted with
 * the fast path is checked when it comes again, so nothing is counted twice. A real tracking
 * processor over an in-memory event store, and the embedded MongoDB server.
 */
class DeliveryHorizonTest {

    @RegisterExtension
    static final ProjectionHarness harness = new ProjectionHarness(mongo -> List.of());

    /** Sets a field for every "seen" event (idempotent, asks nothing); counts every "count" event once. */
    static final class Counter {

        private final MongoTemplate mongo;

        Counter(MongoTemplate mongo) {
            this.mongo = mongo;
        }

        @EventHandler
        void on(String event, EventMessage<?> message) {
            if (event.startsWith("count")) {
                AppliedEvents.upsertOnce(mongo, "counts", "all", message.getIdentifier(), new Update().inc("n", 1));
            } else {
                PendingWrites.upsert(mongo, query(where("_id").is(event)), new Update().set("seen", true), "seen");
            }
        }
    }

    @Test
    void aBatchWhoseHandlersNeverAskWritesNoHorizon() throws Exception {
        MongoTemplate mongo = harness.mongo("never_asked");
        ProjectionHarness.runTracked("never_asked", mongo, events("seen-1", "seen-2", "seen-3"), List.of(new Counter(mongo)), 100);

        assertThat(mongo.count(query(where("seen").is(true)), "seen")).isEqualTo(3);
        assertThat(mongo.findById("never_asked", Document.class, DeliveryHorizon.COLLECTION)).isNull();
    }

    @Test
    void aBatchThatFailsAfterAHandlerAskedIsCheckedWhenItComesAgain() throws Exception {
        MongoTemplate mongo = harness.mongo("asked");
        List<EventMessage<?>> events = events("seen-1", "seen-2", "count-1", "seen-3", "count-2", "seen-4");
        AtomicBoolean failed = new AtomicBoolean();
        List<String> asked = new ArrayList<>();
        // fails once after the second count, before the batch's token is stored; asks only after the handlers did
        MessageHandlerInterceptor<EventMessage<?>> failOnce = (unitOfWork, chain) -> {
            Object result = chain.proceed();
            long position = ((TrackedEventMessage<?>) unitOfWork.getMessage()).trackingToken().position().orElseThrow();
            if (unitOfWork.getMessage().getPayload().toString().startsWith("count")) {
                asked.add(position + (DeliveryHorizon.firstDelivery() ? " first" : " again"));
            }
            if (position == 4 && failed.compareAndSet(false, true)) {
                throw new IllegalStateException("the instance fails after handling event 4");
            }
            return result;
        };
        ProjectionHarness.runTracked("asked", mongo, events, List.of(new Counter(mongo)), 100, failOnce);

        assertThat(failed).isTrue();
        assertThat(asked).containsExactly("2 first", "4 first", "2 again", "4 again");
        assertThat(mongo.findById("all", Document.class, "counts").get("n", Number.class).intValue()).isEqualTo(2);
        assertThat(mongo.findById("asked", Document.class, DeliveryHorizon.COLLECTION).get("position", Number.class)
                .longValue()).isEqualTo(events.size() - 1);
    }

    private static List<EventMessage<?>> events(String... payloads) {
        List<EventMessage<?>> events = new ArrayList<>();
        for (String payload : payloads) {
            events.add(GenericEventMessage.asEventMessage(payload));
        }
        return events;
    }
}
