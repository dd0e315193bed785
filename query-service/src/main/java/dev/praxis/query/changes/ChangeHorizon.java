package dev.praxis.query.changes;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.WrappedToken;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The position up to which a processing group's record of changes is final: every event at or
 * below it that will ever be recorded has been. A subscriber's cursor moves past a position only
 * once it is below the horizon, so that an event committed late (a lower position becoming visible
 * after a higher one: a gap in the tracking token) is still delivered, in order, to everyone.
 *
 * <p>It reads the processor's segments held by this instance: with several query-service instances,
 * the one holding the {@code changes} projection answers the feed in time; another one answers once
 * it holds it (docs/operations.md).
 *
 * <p>A gap that stays open longer than {@code praxis.changes.gap-grace} is taken for a transaction
 * that rolled back (its position is never used) and no longer holds the horizon back; an event that
 * commits even later than that would be missed by subscribers already past it.
 */
@Component
public class ChangeHorizon {

    private final EventProcessingConfiguration processing;
    private final Duration gapGrace;
    private final Clock clock;
    /** When each open gap was first seen, per processing group. */
    private final Map<String, Map<Long, Instant>> gapsSeen = new ConcurrentHashMap<>();

    @Autowired
    public ChangeHorizon(EventProcessingConfiguration processing,
            @Value("${praxis.changes.gap-grace:2s}") Duration gapGrace) {
        this(processing, gapGrace, Clock.systemUTC());
    }

    ChangeHorizon(EventProcessingConfiguration processing, Duration gapGrace, Clock clock) {
        this.processing = processing;
        this.gapGrace = gapGrace;
        this.clock = clock;
    }

    /** The horizon of the processing group; -1 while it has processed nothing. */
    public long of(String processingGroup) {
        Optional<StreamingEventProcessor> processor = processing.eventProcessor(processingGroup, StreamingEventProcessor.class);
        if (processor.isEmpty()) {
            return -1;
        }
        Map<Integer, EventTrackerStatus> status = processor.get().processingStatus();
        if (status.isEmpty()) {
            return -1;
        }
        Map<Long, Instant> seen = gapsSeen.computeIfAbsent(processingGroup, group -> new ConcurrentHashMap<>());
        long horizon = Long.MAX_VALUE;
        for (EventTrackerStatus segment : status.values()) {
            Optional<GapAwareTrackingToken> token = Optional.ofNullable(segment.getTrackingToken())
                    .flatMap(t -> WrappedToken.unwrap(t, GapAwareTrackingToken.class));
            if (token.isEmpty()) {
                return -1;
            }
            horizon = Math.min(horizon, horizon(token.get(), seen, clock.instant(), gapGrace));
        }
        return horizon;
    }

    /**
     * The token's index, or just below its lowest gap that is younger than the grace period. Notes
     * gaps not seen before and forgets those the token no longer has.
     */
    static long horizon(GapAwareTrackingToken token, Map<Long, Instant> seen, Instant now, Duration grace) {
        seen.keySet().removeIf(gap -> !token.getGaps().contains(gap));
        for (Long gap : token.getGaps()) {
            Instant first = seen.computeIfAbsent(gap, g -> now);
            if (first.plus(grace).isAfter(now)) {
                return gap - 1;
            }
        }
        return token.getIndex();
    }
}
