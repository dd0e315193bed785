package dev.praxis.query.consistency;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/** The service is healthy while its projections run; a processor in error makes it DOWN. */
@Component("projections")
class ProjectionsHealthIndicator implements HealthIndicator {

    private final ProjectionProgress progress;

    ProjectionsHealthIndicator(ProjectionProgress progress) {
        this.progress = progress;
    }

    @Override
    public Health health() {
        Health.Builder health = progress.allRunning() ? Health.up() : Health.down();
        return health.withDetail("processedPosition", progress.processedPosition()).build();
    }
}
