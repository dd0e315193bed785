package dev.praxis.query.consistency;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ProjectionsAdvancedTest {

    private final ProjectionsAdvanced advanced = new ProjectionsAdvanced();

    @Test
    void aWaitLooksAgainWhenAProcessorReportsNotOnlyAtItsRecheck() throws Exception {
        AtomicBoolean processed = new AtomicBoolean();
        AtomicInteger looks = new AtomicInteger();
        CompletableFuture<Boolean> waited = CompletableFuture.supplyAsync(() -> {
            try {
                return advanced.await(() -> {
                    looks.incrementAndGet();
                    return processed.get() ? ProjectionsAdvanced.Check.holds()
                            : ProjectionsAdvanced.Check.lookAgainAfter(1, TimeUnit.HOURS);
                }, Duration.ofSeconds(30).toNanos());
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        while (looks.get() == 0) {
            Thread.sleep(1);
        }
        processed.set(true);
        advanced.onEventTrackerStatusChange(Map.of());

        // without the report the wait would last the full 30 s (its recheck is an hour away)
        assertThat(waited.get(10, TimeUnit.SECONDS)).isTrue();
        assertThat(looks.get()).isEqualTo(2);
    }

    @Test
    void aWaitEndsAtItsDeadlineAndSaysSo() throws Exception {
        assertThat(advanced.await(() -> ProjectionsAdvanced.Check.lookAgainAfter(1, TimeUnit.HOURS),
                Duration.ofMillis(50).toNanos())).isFalse();
        assertThat(advanced.await(ProjectionsAdvanced.Check::holds, 0)).isTrue();
    }

    @Test
    void aProcessorReportsEveryPositionNotOnlyChangesOfState() {
        assertThat(advanced.validatePositions()).isTrue();
    }
}
