package dev.praxis.query.scaling;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Shares the projections' segments fairly between the live instances. A processor claims every
 * segment it can, so the first instance to start would keep all of them; each instance therefore
 * announces itself in {@code query_instances} every {@code balanceInterval}, counts the instances
 * seen lately, and releases what it holds above its fair share (of a split projection's segments,
 * and of all segments together: whole single-segment projections) for long enough that another
 * instance claims it. When an instance dies
 * it stops announcing itself, and the others take its segments once its claims time out.
 */
@Component
public class SegmentBalancer implements SmartLifecycle {

    static final String INSTANCES = "query_instances";
    private static final Logger log = LoggerFactory.getLogger(SegmentBalancer.class);
    /** An instance not seen for this many intervals counts as gone. */
    private static final int MISSED_BEATS = 3;

    private final EventProcessingConfiguration processing;
    private final TokenEntries tokens;
    private final MongoTemplate mongo;
    private final ScalingProperties scaling;
    private final Clock clock = Clock.systemUTC();
    private ScheduledExecutorService timer;

    public SegmentBalancer(EventProcessingConfiguration processing, TokenEntries tokens, MongoTemplate mongo,
            ScalingProperties scaling) {
        this.processing = processing;
        this.tokens = tokens;
        this.mongo = mongo;
        this.scaling = scaling;
    }

    /** Announces this instance, then hands over what it holds above its fair share. */
    void balance() {
        Instant now = clock.instant();
        mongo.upsert(Query.query(where("_id").is(scaling.nodeId())), new Update().set("seenAt", now), INSTANCES);
        long alive = Math.max(1, mongo.count(Query.query(where("seenAt").gt(now.minus(
                scaling.balanceInterval().multipliedBy(MISSED_BEATS)))), INSTANCES));
        Map<String, List<TokenEntries.Entry>> segments = tokens.all();
        int total = 0;
        Map<StreamingEventProcessor, List<Integer>> held = new HashMap<>();
        for (StreamingEventProcessor processor : streamingProcessors()) {
            int ofProcessor = segments.getOrDefault(processor.getName(), List.of()).size();
            if (ofProcessor == 0) {
                continue; // not in the shared token store (a projection with a token store of its own)
            }
            total += ofProcessor;
            List<Integer> mine = new ArrayList<>(processor.processingStatus().keySet().stream().sorted().toList());
            // a split projection: at most its fair share of its segments
            int fairShare = (int) Math.ceil(ofProcessor / (double) alive);
            while (mine.size() > fairShare) {
                release(processor, mine.remove(mine.size() - 1), alive, "of " + ofProcessor + " segments");
            }
            held.put(processor, mine);
        }
        // across projections: at most the fair share of all segments, handing over whole projections
        int fairShare = (int) Math.ceil(total / (double) alive);
        int holding = held.values().stream().mapToInt(List::size).sum();
        List<StreamingEventProcessor> byName = held.keySet().stream()
                .sorted(Comparator.comparing(StreamingEventProcessor::getName)).toList();
        for (int i = byName.size() - 1; i >= 0 && holding > fairShare; i--) {
            StreamingEventProcessor processor = byName.get(i);
            List<Integer> mine = held.get(processor);
            if (mine.size() == 1 && segments.get(processor.getName()).size() == 1) {
                release(processor, mine.get(0), alive, "of " + total + " segments in all");
                holding--;
            }
        }
    }

    private void release(StreamingEventProcessor processor, int segment, long alive, String share) {
        log.info("Handing segment {} of {} to another instance ({} instances, fair share {})",
                segment, processor.getName(), alive, share);
        processor.releaseSegment(segment, releaseFor().toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Long enough for the others to claim what was released at their next claim attempt. */
    private Duration releaseFor() {
        return scaling.balanceInterval().multipliedBy(3);
    }

    private List<StreamingEventProcessor> streamingProcessors() {
        return processing.eventProcessors().values().stream()
                .filter(StreamingEventProcessor.class::isInstance)
                .map(StreamingEventProcessor.class::cast)
                .toList();
    }

    @Override
    public synchronized void start() {
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "segment-balancer");
            thread.setDaemon(true);
            return thread;
        });
        long interval = scaling.balanceInterval().toMillis();
        timer.scheduleWithFixedDelay(() -> {
            try {
                balance();
            } catch (RuntimeException e) {
                log.warn("Balancing the projections' segments failed; trying again in {} ms", interval, e);
            }
        }, interval, interval, TimeUnit.MILLISECONDS);
    }

    /** Stops announcing and leaves the list, so the others take the segments without waiting. */
    @Override
    public synchronized void stop() {
        if (timer != null) {
            timer.shutdownNow();
            timer = null;
            try {
                mongo.remove(Query.query(where("_id").is(scaling.nodeId())), INSTANCES);
            } catch (RuntimeException e) {
                log.debug("Could not remove {} from {}", scaling.nodeId(), INSTANCES, e);
            }
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return timer != null;
    }
}
