package dev.praxis.query.consistency;

import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class PositionController {

    private final ProjectionProgress progress;

    PositionController(ProjectionProgress progress) {
        this.progress = progress;
    }

    /** Every projection has processed every event up to this global position. */
    @GetMapping("/position")
    Map<String, Long> position() {
        return Map.of("position", progress.processedPosition());
    }
}
