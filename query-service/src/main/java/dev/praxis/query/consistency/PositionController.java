package dev.praxis.query.consistency;

import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class PositionController {

    private final ProjectionProgress progress;
    private final ReadConsistency consistency;

    PositionController(ProjectionProgress progress, ReadConsistency consistency) {
        this.progress = progress;
        this.consistency = consistency;
    }

    /**
     * Every projection has processed every event up to this global position. With
     * {@code minPosition}, it answers once that position is processed, as every read does (503
     * {@code NOT_CAUGHT_UP} after the consistency timeout): a caller that waits for a write polls
     * nothing.
     */
    @GetMapping("/position")
    Map<String, Long> position(@RequestParam(required = false) Long minPosition) {
        consistency.awaitPosition(minPosition);
        return Map.of("position", progress.processedPosition());
    }
}
