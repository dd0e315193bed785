package dev.praxis.query.consistency;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import dev.praxis.query.scaling.TokenEntries;
import org.springframework.stereotype.Component;

/**
 * How far the projections have come along the event store's global index, and a bounded wait until
 * they have processed a given position: the read-your-writes promise the gateway makes after a
 * mutation.
 */
@Component
public class ProjectionProgress {

    /** How often a wait reads again the progress of segments that other instances hold (from the token store). */
    private static final long ELSEWHERE_RECHECK_MILLIS = 5;
    /**
     * How often a wait looks again when every segment is held here: the processors report each
     * batch ({@link ProjectionsAdvanced}), so this only bounds a wait across a hand-over of segments.
     */
    private static final long LOCAL_RECHECK_MILLIS = 100;

    private final EventProcessingConfiguration processing;
    private final TokenEntries tokens;
    private final ProjectionsAdvanced advanced;
    private volatile List<StreamingEventProcessor> processors = List.of();

    public ProjectionProgress(EventProcessingConfiguration processing, TokenEntries tokens, ProjectionsAdvanced advanced) {
        this.processing = processing;
        this.tokens = tokens;
        this.advanced = advanced;
    }

    /**
     * Whether every segment of every streaming processor has handled the event at {@code position}
     * (and therefore every event before it that the store had committed when that event was). The
     * segments that other instances hold count too: their progress is read from the shared token
     * store, so that a read on this instance waits for an event that another instance projects.
     */
    public boolean hasProcessed(long position) {
        Segments segments = everySegment();
        return segments != null && segments.haveProcessed(position);
    }

    /** The highest position up to which every projection has processed every event; -1 before any. */
    public long processedPosition() {
        Segments segments = everySegment();
        return segments == null ? -1 : segments.tokens().stream().mapToLong(ProjectionProgress::complete).min().orElse(-1);
    }

    /** The tokens of every segment, and whether some came from the shared store (segments held elsewhere). */
    private record Segments(List<TrackingToken> tokens, boolean elsewhere) {

        boolean haveProcessed(long position) {
            return tokens.stream().allMatch(token -> gapAware(token)
                    .map(t -> t.getIndex() >= position && !t.getGaps().contains(position))
                    .orElse(false));
        }
    }

    /**
     * The token of every segment of every streaming processor, or null while some processor has
     * none yet. Segments this instance holds are read from the processor (fresher than the store);
     * the shared token store is read only when other instances hold segments too.
     */
    private Segments everySegment() {
        List<StreamingEventProcessor> processors = streamingProcessors();
        if (processors.isEmpty()) {
            return null;
        }
        Map<String, List<TokenEntries.Entry>>[] shared = new Map[1];
        List<TrackingToken> all = new ArrayList<>();
        for (StreamingEventProcessor processor : processors) {
            List<TrackingToken> tokens = segmentTokens(processor, () -> {
                if (shared[0] == null) {
                    shared[0] = this.tokens.all();
                }
                return shared[0].getOrDefault(processor.getName(), List.of());
            });
            if (tokens == null) {
                return null;
            }
            all.addAll(tokens);
        }
        return new Segments(all, shared[0] != null);
    }

    /**
     * The token of every segment of one processing group, wherever its segments are processed
     * (the ones held here from the processor, the others from the shared token store); null while
     * it has none or the group does not exist.
     */
    public List<TrackingToken> segmentTokens(String processingGroup) {
        return processing.eventProcessor(processingGroup, StreamingEventProcessor.class)
                .map(processor -> segmentTokens(processor, () -> tokens.of(processingGroup)))
                .orElse(null);
    }

    private static List<TrackingToken> segmentTokens(StreamingEventProcessor processor,
            Supplier<List<TokenEntries.Entry>> shared) {
        Map<Integer, EventTrackerStatus> local = processor.processingStatus();
        if (!local.isEmpty() && local.size() >= segmentsOf(local)) {
            return local.values().stream().map(EventTrackerStatus::getTrackingToken).toList();
        }
        List<TokenEntries.Entry> entries = shared.get();
        if (entries.isEmpty()) {
            return null;
        }
        List<TrackingToken> tokens = new ArrayList<>();
        for (TokenEntries.Entry entry : entries) {
            EventTrackerStatus mine = local.get(entry.segment());
            tokens.add(mine != null ? mine.getTrackingToken() : entry.token());
        }
        return tokens;
    }

    /**
     * How many segments the processor has: a segment's id and mask tell it (a processor split into
     * n segments has masks n-1); without any segment held here, at least one more than held.
     */
    private static int segmentsOf(Map<Integer, EventTrackerStatus> local) {
        return local.values().stream()
                .mapToInt(status -> status.getSegment().getMask() + 1)
                .max().orElse(Integer.MAX_VALUE);
    }

    /** The position up to which a token has seen every event: below its first gap. */
    private static long complete(TrackingToken token) {
        Optional<GapAwareTrackingToken> gapAware = gapAware(token);
        if (gapAware.isEmpty()) {
            return -1;
        }
        GapAwareTrackingToken t = gapAware.get();
        return t.getGaps().isEmpty() ? t.getIndex() : t.getGaps().first() - 1;
    }

    /**
     * Waits until {@link #hasProcessed} holds for {@code position}, at most {@code timeout}. It looks
     * again whenever a processor here finishes a batch, and polls only the progress of segments held
     * by other instances.
     */
    public boolean awaitProcessed(long position, Duration timeout) throws InterruptedException {
        return advanced.await(() -> {
            Segments segments = everySegment();
            if (segments != null && segments.haveProcessed(position)) {
                return ProjectionsAdvanced.Check.holds();
            }
            boolean elsewhere = segments == null || segments.elsewhere();
            return ProjectionsAdvanced.Check.lookAgainAfter(
                    elsewhere ? ELSEWHERE_RECHECK_MILLIS : LOCAL_RECHECK_MILLIS, TimeUnit.MILLISECONDS);
        }, timeout.toNanos());
    }

    /** Each projection's processor on this instance: whether it runs, and why its last batch failed. */
    public List<ProcessorState> processorStates() {
        return streamingProcessors().stream()
                .map(p -> new ProcessorState(p.getName(), p.isRunning(), errorOf(p)))
                .toList();
    }

    /**
     * Why a processor's batch failed, while it waits to deliver the batch again; null when none did.
     * A segment whose batch failed keeps the exception in its status until a batch passes (the
     * processor's own {@code isError()} tells only that its worker launcher failed).
     */
    private static String errorOf(StreamingEventProcessor processor) {
        return processor.processingStatus().values().stream()
                .filter(EventTrackerStatus::isErrorState)
                .findFirst()
                .map(status -> describe(status.getError()))
                .orElse(processor.isError() ? "in error" : null);
    }

    private static String describe(Throwable error) {
        if (error == null) {
            return "in error";
        }
        return error.getClass().getSimpleName() + (error.getMessage() == null ? "" : ": " + error.getMessage());
    }

    /**
     * The streaming processors, looked up once they exist: Axon builds them all when it starts and
     * copies its map of them on every lookup, which a read waiting for a position did every 5 ms.
     */
    private List<StreamingEventProcessor> streamingProcessors() {
        List<StreamingEventProcessor> known = processors;
        if (known.isEmpty()) {
            known = processing.eventProcessors().values().stream()
                    .filter(StreamingEventProcessor.class::isInstance)
                    .map(StreamingEventProcessor.class::cast)
                    .toList();
            processors = known;
        }
        return known;
    }

    private static Optional<GapAwareTrackingToken> gapAware(TrackingToken token) {
        if (token == null) {
            return Optional.empty();
        }
        return WrappedToken.unwrap(token, GapAwareTrackingToken.class);
    }
}
