package dev.praxis.query.replay;

import dev.praxis.api.query.ReplayView;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The internal replay API (the gateway checks who may use it): {@code POST /replays} starts a
 * blue/green replay of the projections named (all when none is), {@code GET /replays/{id}} follows
 * it from any instance, {@code GET /replays} lists the latest, {@code GET /replays/projections}
 * names what may be replayed.
 */
@RestController
class ReplayController {

    /** The body of {@code POST /replays}. */
    record ReplayRequest(List<String> projections) {
    }

    private final Replays replays;

    ReplayController(Replays replays) {
        this.replays = replays;
    }

    @PostMapping("/replays")
    @ResponseStatus(HttpStatus.ACCEPTED)
    ReplayView start(@RequestBody(required = false) ReplayRequest request) {
        return replays.start(request == null ? List.of() : request.projections());
    }

    @GetMapping("/replays/{id}")
    ReplayView replay(@PathVariable String id) {
        return replays.find(id);
    }

    @GetMapping("/replays")
    List<ReplayView> latest() {
        return replays.latest(20);
    }

    @GetMapping("/replays/projections")
    List<String> projections() {
        return replays.replayable();
    }
}
