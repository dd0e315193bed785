package dev.praxis.query.scaling;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Which instance holds which segment of each projection, and how far each segment has come: what an
 * operator looks at when scaling the query service out or in.
 */
@RestController
class ProcessorsController {

    private final TokenEntries tokens;
    private final ScalingProperties scaling;

    ProcessorsController(TokenEntries tokens, ScalingProperties scaling) {
        this.tokens = tokens;
        this.scaling = scaling;
    }

    record SegmentView(int segment, String owner, Long position) {
    }

    record ProcessorView(String name, List<SegmentView> segments) {
    }

    record ProcessorsView(String nodeId, List<ProcessorView> processors) {
    }

    @GetMapping("/processors")
    ProcessorsView processors() {
        List<ProcessorView> processors = new ArrayList<>();
        for (Map.Entry<String, List<TokenEntries.Entry>> processor : tokens.all().entrySet()) {
            processors.add(new ProcessorView(processor.getKey(), processor.getValue().stream()
                    .map(e -> new SegmentView(e.segment(), e.owner(), e.token() == null ? null
                            : WrappedToken.unwrap(e.token(), GapAwareTrackingToken.class)
                                    .map(GapAwareTrackingToken::getIndex).orElse(null)))
                    .toList()));
        }
        return new ProcessorsView(scaling.nodeId(), processors);
    }
}
