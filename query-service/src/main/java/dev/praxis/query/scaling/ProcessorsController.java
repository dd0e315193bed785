package dev.praxis.query.scaling;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Which instance holds which segment of each projection, and how far each segment has come: what an
 * operator looks at when scaling the query service out or in.
 *
 * <p>Two positions per segment, because they differ: {@code position} is the token in the shared
 * token store, which every instance sees and a segment taken over resumes from; {@code processed}
 * is how far this instance has handled the segment, for the segments it holds (null for the
 * others). A processor stores its token after each batch, but one that waits at the head of the
 * store only about once a second, so the stored position can trail the processed one by the events
 * of that second. The list is the shared token store's: the search projection, which every instance
 * runs for its own index and whose token lives there, is not in it.
 */
@RestController
class ProcessorsController {

    private final TokenEntries tokens;
    private final ScalingProperties scaling;
    private final EventProcessingConfiguration processing;

    ProcessorsController(TokenEntries tokens, ScalingProperties scaling, EventProcessingConfiguration processing) {
        this.tokens = tokens;
        this.scaling = scaling;
        this.processing = processing;
    }

    record SegmentView(int segment, String owner, Long position, Long processed) {
    }

    record ProcessorView(String name, List<SegmentView> segments) {
    }

    record ProcessorsView(String nodeId, List<ProcessorView> processors) {
    }

    @GetMapping("/processors")
    ProcessorsView processors() {
        List<ProcessorView> processors = new ArrayList<>();
        tokens.all().forEach((name, entries) -> {
            Map<Integer, EventTrackerStatus> here = processing.eventProcessor(name, StreamingEventProcessor.class)
                    .map(StreamingEventProcessor::processingStatus).orElse(Map.of());
            processors.add(new ProcessorView(name, entries.stream()
                    .map(e -> new SegmentView(e.segment(), e.owner(), index(e.token()), processed(here.get(e.segment()))))
                    .toList()));
        });
        return new ProcessorsView(scaling.nodeId(), processors);
    }

    private static Long processed(EventTrackerStatus status) {
        return status == null ? null : index(status.getTrackingToken());
    }

    private static Long index(TrackingToken token) {
        return token == null ? null
                : WrappedToken.unwrap(token, GapAwareTrackingToken.class).map(GapAwareTrackingToken::getIndex).orElse(null);
    }
}
