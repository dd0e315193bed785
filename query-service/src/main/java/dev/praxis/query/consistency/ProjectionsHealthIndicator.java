package dev.praxis.query.consistency;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.stereotype.Component;

/**
 * Whether this instance's projections keep their read models up to date.
 *
 * <ul>
 * <li>UP: every processor runs and its last batch passed.</li>
 * <li>DEGRADED: some do not. Their read models fall behind and reads with {@code minPosition} wait
 * for them in vain (NOT_CAUGHT_UP), while every other read is answered. The instance stays in
 * traffic: a handler that fails on an event fails the same way on every instance, and taking all of
 * them out would turn one stale projection into an outage of every read. The details name each
 * failing processor and its error, for the operator to fix; the processor retries on its own.</li>
 * <li>DOWN: none does (for example, this instance cannot reach a store): the instance leaves traffic.</li>
 * </ul>
 * DEGRADED is answered with HTTP 200 and ranks between DOWN and UP ({@code management.endpoint.health.status}).
 */
@Component("projections")
class ProjectionsHealthIndicator implements HealthIndicator {

    static final Status DEGRADED = new Status("DEGRADED", "Some projections are in error or stopped; their read models fall behind");

    private final ProjectionProgress progress;

    ProjectionsHealthIndicator(ProjectionProgress progress) {
        this.progress = progress;
    }

    @Override
    public Health health() {
        return of(progress.processorStates()).withDetail("processedPosition", progress.processedPosition()).build();
    }

    /** The status for these processors, with the problem of each one that is not healthy. */
    static Health.Builder of(List<ProcessorState> processors) {
        Map<String, String> failing = new LinkedHashMap<>();
        processors.stream().filter(p -> !p.healthy()).forEach(p -> failing.put(p.name(), p.problem()));
        if (failing.isEmpty()) {
            return Health.up();
        }
        Health.Builder health = failing.size() == processors.size() ? Health.down() : Health.status(DEGRADED);
        return health.withDetail("failing", failing);
    }
}
