package dev.praxis.query.scaling;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.praxis.api.shared.HandlingTimeLimit;
import dev.praxis.query.ProjectionHarness;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;

/**
 * A batch that hangs is warned about with where its thread is, interrupted at its limit, and
 * delivered again, on a real tracking processor: the processor goes on with the events after it,
 * and a batch within its limit is never touched.
 */
class BatchTimeLimitTest {

    @RegisterExtension
    static final ProjectionHarness harness = new ProjectionHarness(mongo -> List.of());

    /** Hangs once, on the first "hang" event it sees; records every event it handled to the end. */
    static final class Hanging {

        final AtomicBoolean hung = new AtomicBoolean();
        final List<String> handled = new CopyOnWriteArrayList<>();

        @EventHandler
        void on(String event) throws InterruptedException {
            if (event.equals("hang") && hung.compareAndSet(false, true)) {
                Thread.sleep(20_000);
            }
            handled.add(event);
        }
    }

    @Test
    void aHangingBatchIsInterruptedAtItsLimitAndDeliveredAgain() throws Exception {
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        logged.start();
        Logger logger = (Logger) LoggerFactory.getLogger(BatchTimeLimitTest.class);
        logger.addAppender(logged);
        Hanging hanging = new Hanging();
        try (HandlingTimeLimit limit = new HandlingTimeLimit("Batch of", Duration.ofMillis(500), Duration.ofMillis(200),
                Duration.ofMillis(200), Duration.ofMillis(20), logger)) {
            List<EventMessage<?>> events = List.of(GenericEventMessage.asEventMessage("before"),
                    GenericEventMessage.asEventMessage("hang"), GenericEventMessage.asEventMessage("after"));
            long started = System.nanoTime();
            ProjectionHarness.runTracked("hanging", harness.mongo("hanging"), events, List.of(hanging), 100,
                    new BatchTimeLimit("hanging", limit));

            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(15));
        } finally {
            logger.detachAppender(logged);
        }
        // the harness's processor logs a failing handler and goes on (the query service's fails the
        // batch at once): the interrupted "hang" is skipped, but the batch still fails at its end, out
        // of time, and comes again whole
        assertThat(hanging.handled).containsExactly("before", "after", "before", "hang", "after");
        assertThat(logged.list).filteredOn(e -> e.getLevel() == Level.WARN).isNotEmpty()
                .allSatisfy(e -> assertThat(e.getFormattedMessage()).contains("Batch of hanging has run for", "Thread.sleep"));
        assertThat(logged.list).filteredOn(e -> e.getLevel() == Level.ERROR).singleElement()
                .satisfies(e -> assertThat(e.getFormattedMessage()).contains("past its time limit", "Thread.sleep"));
    }

    @Test
    void aBatchWithinItsLimitIsNeitherWarnedAboutNorInterrupted() throws Exception {
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        logged.start();
        Logger logger = (Logger) LoggerFactory.getLogger(BatchTimeLimitTest.class.getName() + ".quick");
        logger.addAppender(logged);
        Hanging never = new Hanging();
        never.hung.set(true);
        try (HandlingTimeLimit limit = new HandlingTimeLimit("Batch of", Duration.ofMillis(2_000), Duration.ofMillis(1_000),
                Duration.ofMillis(200), Duration.ofMillis(20), logger)) {
            List<EventMessage<?>> events = List.of(GenericEventMessage.asEventMessage("one"),
                    GenericEventMessage.asEventMessage("two"), GenericEventMessage.asEventMessage("three"));
            ProjectionHarness.runTracked("quick", harness.mongo("quick"), events, List.of(never), 1,
                    new BatchTimeLimit("quick", limit));
            Thread.sleep(100);
        } finally {
            logger.detachAppender(logged);
        }
        assertThat(never.handled).containsExactly("one", "two", "three");
        assertThat(logged.list).isEmpty();
        assertThat(Thread.currentThread().isInterrupted()).isFalse();
    }
}
