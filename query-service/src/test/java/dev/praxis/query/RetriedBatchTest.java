package dev.praxis.query;

import static org.assertj.core.api.Assertions.assertThat;

import dev.praxis.query.article.ArticleProjection;
import dev.praxis.query.community.CommunityProjection;
import dev.praxis.query.member.MemberProjection;
import dev.praxis.query.question.ContentProjection;
import dev.praxis.query.question.QuestionProjection;
import dev.praxis.query.reputation.ReputationProjection;
import dev.praxis.query.shared.DeliveryHorizon;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * A batch that fails halfway is delivered again by its tracking processor, and the read models come
 * out exactly as after one clean delivery. The first delivery takes the fast path (writes by
 * {@code _id} alone, see {@link DeliveryHorizon}); the retried batch lies below the horizon and takes
 * the checked path, which finds the events already applied. A real tracking processor, a real event
 * store (in memory) and the embedded MongoDB server.
 */
class RetriedBatchTest {

    @RegisterExtension
    static final ProjectionHarness harness = new ProjectionHarness(RetriedBatchTest::projections);

    private static List<Object> projections(MongoTemplate mongo) {
        return List.of(new CommunityProjection(mongo), new QuestionProjection(mongo), new MemberProjection(mongo),
                new ContentProjection(mongo), new ArticleProjection(mongo), new ReputationProjection(mongo));
    }

    @Test
    void aBatchRetriedAfterAFailureHalfwayLeavesTheSameReadModelsAsOneDelivery() throws Exception {
        List<EventMessage<?>> events = ProjectionsIdempotencyTest.history();
        Map<String, List<Document>> once = harness.project("clean", events);

        MongoTemplate mongo = harness.mongo("retried");
        long last = events.size() - 1;
        int failAt = events.size() / 2;
        AtomicBoolean failed = new AtomicBoolean();
        List<String> deliveries = new ArrayList<>();
        MessageHandlerInterceptor<EventMessage<?>> failOnceHalfway = (unitOfWork, chain) -> {
            long position = ((TrackedEventMessage<?>) unitOfWork.getMessage()).trackingToken().position().orElseThrow();
            deliveries.add(position + (DeliveryHorizon.firstDelivery() ? " first" : " again"));
            Object result = chain.proceed();
            if (position == failAt && failed.compareAndSet(false, true)) {
                throw new IllegalStateException("the instance fails after handling event " + failAt);
            }
            return result;
        };
        InMemoryTokenStore tokens = ProjectionHarness.runTracked("retried", mongo, events, projections(mongo), 100,
                failOnceHalfway);

        assertThat(failed).isTrue();
        assertThat(position(tokens)).isEqualTo(last);
        // the first pass was new to the projections; the retried batch was checked event by event
        List<String> expected = new ArrayList<>();
        for (int p = 0; p <= failAt; p++) {
            expected.add(p + " first");
        }
        for (int p = 0; p <= last; p++) {
            expected.add(p + " again");
        }
        assertThat(deliveries).containsExactlyElementsOf(expected);
        assertThat(mongo.findById("retried", Document.class, DeliveryHorizon.COLLECTION).get("position", Number.class)
                .longValue()).isEqualTo(last);
        assertThat(ReadModelDump.of(mongo.getDb())).isEqualTo(once);
    }

    private static long position(InMemoryTokenStore tokens) {
        var token = tokens.fetchToken("retried", 0);
        return token == null ? -1 : token.position().orElse(-1);
    }
}
