package dev.praxis.query.consistency;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * {@code praxis_projections_failing}: how many of this instance's projections are in error or
 * stopped, the number to alert on. The health check ({@link ProjectionsHealthIndicator}) names them.
 */
@Component
class FailingProjectionsGauge implements MeterBinder {

    // looked up when the gauge is read: the registry binds its meters before Axon's processors exist
    private final ObjectProvider<ProjectionProgress> progress;

    FailingProjectionsGauge(ObjectProvider<ProjectionProgress> progress) {
        this.progress = progress;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("praxis.projections.failing", progress,
                        p -> p.getObject().processorStates().stream().filter(state -> !state.healthy()).count())
                .description("Projections of this instance that are in error or stopped: their read models fall behind")
                .register(registry);
    }
}
