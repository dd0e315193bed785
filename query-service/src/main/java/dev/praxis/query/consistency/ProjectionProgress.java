package dev.praxis.query.consistency;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.springframework.stereotype.Component;

/**
 * How far the projections have come along the event store's global index, and a bounded wait until
 * they have processed a given position: the read-your-writes promise the gateway makes after a
 * mutation.
 */
@Component
public class ProjectionProgress {

    private static final long POLL_MILLIS = 5;

    private final EventProcessingConfiguration processing;

    public ProjectionProgress(EventProcessingConfiguration processing) {
        this.processing = processing;
    }

    /**
     * Whether every segment of every streaming processor has handled the event at {@code position}
     * (and therefore every event before it that the store had committed when that event was).
     */
    public boolean hasProcessed(long position) {
        List<StreamingEventProcessor> processors = streamingProcessors();
        if (processors.isEmpty()) {
            return false;
        }
        for (StreamingEventProcessor processor : processors) {
            Map<Integer, EventTrackerStatus> status = processor.processingStatus();
            if (status.isEmpty()) {
                return false;
            }
            for (EventTrackerStatus segment : status.values()) {
                Optional<GapAwareTrackingToken> token = gapAware(segment.getTrackingToken());
                if (token.isEmpty() || token.get().getIndex() < position || token.get().getGaps().contains(position)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** The highest position up to which every projection has processed every event; -1 before any. */
    public long processedPosition() {
        long lowest = Long.MAX_VALUE;
        List<StreamingEventProcessor> processors = streamingProcessors();
        for (StreamingEventProcessor processor : processors) {
            Map<Integer, EventTrackerStatus> status = processor.processingStatus();
            if (status.isEmpty()) {
                return -1;
            }
            for (EventTrackerStatus segment : status.values()) {
                Optional<GapAwareTrackingToken> token = gapAware(segment.getTrackingToken());
                if (token.isEmpty()) {
                    return -1;
                }
                long complete = token.get().getGaps().isEmpty() ? token.get().getIndex() : token.get().getGaps().first() - 1;
                lowest = Math.min(lowest, complete);
            }
        }
        return processors.isEmpty() ? -1 : lowest;
    }

    /** Waits until {@link #hasProcessed} holds for {@code position}, at most {@code timeout}. */
    public boolean awaitProcessed(long position, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!hasProcessed(position)) {
            if (System.nanoTime() >= deadline) {
                return false;
            }
            Thread.sleep(POLL_MILLIS);
        }
        return true;
    }

    /** Whether every processor runs and every segment is claimed: the service is ready for traffic. */
    public boolean allRunning() {
        return streamingProcessors().stream().allMatch(p -> p.isRunning() && !p.isError());
    }

    private List<StreamingEventProcessor> streamingProcessors() {
        return processing.eventProcessors().values().stream()
                .filter(StreamingEventProcessor.class::isInstance)
                .map(StreamingEventProcessor.class::cast)
                .toList();
    }

    private static Optional<GapAwareTrackingToken> gapAware(TrackingToken token) {
        if (token == null) {
            return Optional.empty();
        }
        return WrappedToken.unwrap(token, GapAwareTrackingToken.class);
    }
}
