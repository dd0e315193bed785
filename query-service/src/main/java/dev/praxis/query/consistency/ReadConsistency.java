package dev.praxis.query.consistency;

import dev.praxis.query.shared.QueryRejectedException;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Applies a request's {@code minPosition}: wait, bounded, until the projections have caught up. */
@Component
public class ReadConsistency {

    private final ProjectionProgress progress;
    private final Duration timeout;

    public ReadConsistency(ProjectionProgress progress,
                           @Value("${praxis.query.consistency-timeout:5s}") Duration timeout) {
        this.progress = progress;
        this.timeout = timeout;
    }

    public void awaitPosition(Long minPosition) {
        if (minPosition == null || minPosition < 0) {
            return;
        }
        try {
            if (!progress.awaitProcessed(minPosition, timeout)) {
                throw new QueryRejectedException(503, "UNAVAILABLE", "NOT_CAUGHT_UP",
                        "The read models have not reached position " + minPosition + " within " + timeout.toMillis()
                                + " ms; try again shortly.");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new QueryRejectedException(503, "UNAVAILABLE", "INTERRUPTED", "The read was interrupted; try again.");
        }
    }
}
