package dev.praxis.gateway.limits;

import static org.assertj.core.api.Assertions.assertThat;

import dev.praxis.gateway.MovableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The hourly budgets, with a clock the test moves (the one part a test cannot wait for). */
class CallerBudgetsTest {

    static final Instant START = Instant.parse("2026-01-01T10:00:00Z");

    @Test
    void aWindowOpensWithTheFirstChargeAndRenewsAnHourLater() {
        MovableClock clock = new MovableClock(START);
        CallerBudgets budgets = new CallerBudgets(100, clock);

        CallerBudgets.Charge first = budgets.charge("member:alice", 60);
        assertThat(first.granted()).isTrue();
        assertThat(first.rateLimit()).isEqualTo(new RateLimit(60, 100, 40, START.plus(Duration.ofHours(1)), 60));

        clock.now = START.plus(Duration.ofMinutes(59));
        CallerBudgets.Charge refused = budgets.charge("member:alice", 41);
        assertThat(refused.granted()).isFalse();
        assertThat(refused.rateLimit().remaining()).as("a refused charge costs nothing").isEqualTo(40);
        assertThat(budgets.charge("member:alice", 40).rateLimit().remaining()).isZero();

        clock.now = START.plus(Duration.ofHours(1));
        CallerBudgets.Charge renewed = budgets.charge("member:alice", 41);
        assertThat(renewed.granted()).isTrue();
        assertThat(renewed.rateLimit().remaining()).isEqualTo(59);
        assertThat(renewed.rateLimit().resetAt()).isEqualTo(START.plus(Duration.ofHours(2)));
    }

    @Test
    void eachCallerHasABudgetOfTheirOwn() {
        CallerBudgets budgets = new CallerBudgets(10, new MovableClock(START));

        assertThat(budgets.charge("member:alice", 10).granted()).isTrue();
        assertThat(budgets.charge("member:alice", 1).granted()).isFalse();
        assertThat(budgets.charge("member:bob", 10).granted()).isTrue();
        assertThat(budgets.charge("address:203.0.113.7", 10).granted()).isTrue();
    }

    @Test
    void concurrentChargesNeverOverspend() throws Exception {
        CallerBudgets budgets = new CallerBudgets(1000, new MovableClock(START));
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Boolean>> charges = IntStream.range(0, 400)
                    .<Callable<Boolean>>mapToObj(i -> () -> budgets.charge("member:alice", 3).granted())
                    .toList();
            long granted = 0;
            for (Future<Boolean> charge : threads.invokeAll(charges)) {
                granted += charge.get() ? 1 : 0;
            }
            assertThat(granted).isEqualTo(333);
            assertThat(budgets.charge("member:alice", 1).rateLimit().remaining()).isZero();
        }
        finally {
            threads.shutdownNow();
        }
    }
}
