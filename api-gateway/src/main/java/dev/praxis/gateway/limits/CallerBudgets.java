package dev.praxis.gateway.limits;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The points each caller may still spend, in fixed windows of one hour that begin with the caller's
 * first operation (as GitHub's budget does: {@code resetAt} is the end of the window).
 *
 * <p>Kept in the memory of this gateway instance: behind a load balancer that spreads one caller
 * over n instances, a caller may spend up to n budgets an hour. Windows that have ended are dropped
 * as new ones open, so the map holds at most the callers of the last hour.
 */
public class CallerBudgets {

    static final Duration WINDOW = Duration.ofHours(1);

    private final int budget;
    private final Clock clock;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();
    private volatile Instant nextSweep;

    public CallerBudgets(int budget, Clock clock) {
        this.budget = budget;
        this.clock = clock;
        this.nextSweep = clock.instant().plus(WINDOW);
    }

    private record Window(Instant resetAt, int used) {
    }

    /** The outcome of a charge: granted or not, and the budget as it stands afterwards. */
    public record Charge(boolean granted, RateLimit rateLimit) {
    }

    /**
     * Charges {@code cost} points to {@code caller} if they still have them; a refused charge costs
     * nothing. Atomic per caller, so concurrent requests cannot overspend.
     */
    public Charge charge(String caller, int cost) {
        Instant now = clock.instant();
        sweep(now);
        boolean[] granted = new boolean[1];
        Window window = windows.compute(caller, (key, current) -> {
            Window open = current == null || !now.isBefore(current.resetAt()) ? new Window(now.plus(WINDOW), 0) : current;
            granted[0] = open.used() + (long) cost <= budget;
            return granted[0] ? new Window(open.resetAt(), open.used() + cost) : open;
        });
        return new Charge(granted[0], new RateLimit(cost, budget, budget - window.used(), window.resetAt(), window.used()));
    }

    private void sweep(Instant now) {
        if (now.isAfter(nextSweep)) {
            nextSweep = now.plus(WINDOW);
            windows.values().removeIf(window -> !now.isBefore(window.resetAt()));
        }
    }
}
