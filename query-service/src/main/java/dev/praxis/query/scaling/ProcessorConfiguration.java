package dev.praxis.query.scaling;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import dev.praxis.api.shared.HandlingTimeLimit;
import java.time.Duration;
import java.util.Map;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import java.util.concurrent.ConcurrentHashMap;
import dev.praxis.query.consistency.ProjectionsAdvanced;
import dev.praxis.query.eventstore.LingeringEventSource;
import dev.praxis.query.eventstore.SharedCatchUpSource;
import dev.praxis.query.shared.Claims;
import dev.praxis.query.shared.DeliveryHorizon;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.config.EventProcessingConfigurer;
import java.util.concurrent.TimeUnit;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Every projection (processing group) runs in a tracking processor whose segments are
 * claimed by one instance of the query service at a time in the shared token store; an instance
 * that dies leaves its claims to time out and be taken over. A projection has one segment (it sees
 * the events in their global order, which projections that combine several aggregates need)
 * unless {@code praxis.query.scaling.parallel} splits it: then the instances share its events too.
 * A new projection needs no configuration: its {@code @ProcessingGroup} is enough.
 *
 * <p>Each instance counts the events its projections handle ({@code praxis.projection.events}, by
 * processor and event type), which shows in the metrics how the work is shared and that no event
 * is handled twice.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ScalingProperties.class)
class ProcessorConfiguration {

    @Autowired
    void configure(EventProcessingConfigurer processing, ScalingProperties scaling, MeterRegistry meters, MongoTemplate mongo,
                   ProjectionsAdvanced advanced, TokenStore tokenStore, HandlingTimeLimit batchTimeLimit,
                   SharedCatchUpSource catchUp) {
        long claimInterval = scaling.balanceInterval().toMillis();
        // Tracking processors: their status advances only once a batch is handled, which the
        // read-your-writes wait (ProjectionProgress) relies on; a pooled processor's status may run
        // ahead of its handlers.
        processing.usingTrackingEventProcessors();
        // behind the head, the processors share one read of the settled store (SharedCatchUpSource);
        // at the head, a processor starts at most one batch per linger: under a steady load each batch
        // then holds several events, which share its costs (token, horizon, bulk writes)
        processing.configureDefaultStreamableMessageSource(configuration -> new LingeringEventSource(
                catchUp, scaling.batchLinger(), scaling.batchSize()));
        processing.registerTrackingEventProcessorConfiguration(configuration -> TrackingEventProcessorConfiguration
                .forSingleThreadedProcessing()
                .andBatchSize(scaling.batchSize())
                .andInitialSegmentsCount(scaling.segments())
                // look for unclaimed segments (a dead instance's, or ones handed over) this often
                .andTokenClaimInterval(claimInterval, TimeUnit.MILLISECONDS)
                // wakes the reads that wait for a position (read-your-writes) after each batch
                .andEventTrackerStatusChangeListener(advanced));
        scaling.parallel().forEach((processor, segments) -> processing.registerTrackingEventProcessorConfiguration(
                processor, configuration -> TrackingEventProcessorConfiguration
                        .forParallelProcessing(segments)
                        .andBatchSize(scaling.batchSize())
                        .andInitialSegmentsCount(segments)
                        .andTokenClaimInterval(claimInterval, TimeUnit.MILLISECONDS)
                        .andEventTrackerStatusChangeListener(advanced)));
        // A handler that throws fails its batch instead of being skipped (Axon's default only logs):
        // the processor delivers the batch again with a back-off, its health shows it in error, and
        // the idempotent handlers make the redelivery safe. A read model never silently misses an
        // event because MongoDB was briefly unreachable.
        processing.registerDefaultListenerInvocationErrorHandler(configuration -> PropagatingErrorHandler.instance());
        processing.registerDefaultHandlerInterceptor((configuration, processor) -> new BatchTimeLimit(processor, batchTimeLimit));
        processing.registerDefaultHandlerInterceptor((configuration, processor) -> new CountingInterceptor(processor, meters));
        Claims claims = Claims.of(tokenStore);
        processing.registerDefaultHandlerInterceptor((configuration, processor) -> new DeliveryHorizon(processor, mongo, claims));
    }

    /** One janitor for the time limits of every processor's batches ({@link BatchTimeLimit}); Axon's defaults. */
    @Bean(destroyMethod = "close")
    static HandlingTimeLimit batchTimeLimit(@Value("${praxis.query.batch-time-limit.timeout:60s}") Duration timeout,
                                     @Value("${praxis.query.batch-time-limit.warning-threshold:10s}") Duration warningThreshold,
                                     @Value("${praxis.query.batch-time-limit.warning-interval:1s}") Duration warningInterval) {
        return new HandlingTimeLimit("Batch of", timeout, warningThreshold, warningInterval, Duration.ofMillis(100),
                LoggerFactory.getLogger(BatchTimeLimit.class));
    }

    /**
     * No correlation data. Axon's default provider copies each handled event's correlation and trace
     * ids into the unit of work, for the messages its handlers send; reading them deserializes the
     * event's metadata, for every event and projection (5.7% of this service's samples in a profile
     * of a rebuild; alternating benchmark runs could not tell it from their 8% noise). A projection
     * sends nothing: it only writes its read models.
     */
    @Bean
    CorrelationDataProvider noCorrelationData() {
        return message -> Map.of();
    }

    /** Counts each event a processor's handlers receive on this instance, and times them ({@link ProcessorTimes}). */
    static final class CountingInterceptor implements MessageHandlerInterceptor<EventMessage<?>> {

        private final String processor;
        private final MeterRegistry meters;
        private final Map<Class<?>, Counter> counters = new ConcurrentHashMap<>();
        private final Timer handling;

        CountingInterceptor(String processor, MeterRegistry meters) {
            this.processor = processor;
            this.meters = meters;
            this.handling = Timer.builder(ProcessorTimes.METRIC)
                    .description("Time the projection's handlers took for the events they received on this instance")
                    .tag("processor", processor)
                    .register(meters);
        }

        @Override
        public Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
            long start = System.nanoTime();
            Object result = chain.proceed();
            handling.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
            Class<?> type = unitOfWork.getMessage().getPayloadType();
            counters.computeIfAbsent(type, t -> Counter.builder("praxis.projection.events")
                    .description("Events handled by a projection on this instance")
                    .tag("processor", processor)
                    .tag("event", t.getSimpleName())
                    .register(meters)).increment();
            return result;
        }
    }
}
