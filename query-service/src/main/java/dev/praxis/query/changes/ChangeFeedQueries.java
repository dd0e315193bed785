package dev.praxis.query.changes;

import dev.praxis.api.query.ChangePage;
import dev.praxis.api.query.ChangeView;
import dev.praxis.query.access.ReadAccess;
import dev.praxis.query.consistency.ProjectionsAdvanced;
import dev.praxis.query.consistency.ReadConsistency;
import dev.praxis.query.shared.QueryRejectedException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /changes?topic=<type>:<key>&after=<position>&viewer=<memberId>&waitMs=<ms>}: the change
 * feed that the gateway turns into GraphQL subscriptions. It answers the topic's changes after the
 * given global position, oldest first, up to the horizon below which nothing more can appear (see
 * {@link ChangeHorizon}); when there are none yet it waits up to {@code waitMs} (a long poll).
 * Without {@code after} it starts at the horizon: only what happens from now on.
 *
 * <p>The viewer is authorized when the request starts and again before changes are answered, on
 * read models that have processed every event up to the last change answered: a member banned
 * from a private community gets 403 {@code COMMUNITY_NOT_READABLE} instead of the changes that
 * follow the ban. The feed keeps no state between requests, so any gateway may ask any instance.
 */
@RestController
class ChangeFeedQueries {

    static final int MAX_LIMIT = 100;
    static final long MAX_WAIT_MS = 30_000;
    /** A waiting poll reads the record of changes at most this often (50 times a second). */
    private static final long SCAN_GAP_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

    private final Map<String, ChangeSource> sources;
    private final ChangeHorizon horizon;
    private final ReadConsistency consistency;
    private final ReadAccess access;
    private final ProjectionsAdvanced advanced;
    private final Duration pollInterval;

    ChangeFeedQueries(List<ChangeSource> sources, ChangeHorizon horizon, ReadConsistency consistency, ReadAccess access,
            ProjectionsAdvanced advanced, @Value("${praxis.changes.poll-interval:100ms}") Duration pollInterval) {
        this.sources = sources.stream().collect(Collectors.toMap(ChangeSource::type, Function.identity()));
        this.horizon = horizon;
        this.consistency = consistency;
        this.access = access;
        this.advanced = advanced;
        this.pollInterval = pollInterval;
    }

    @GetMapping("/changes")
    ChangePage changes(@RequestParam String topic, @RequestParam(required = false) Long after,
            @RequestParam(required = false) String viewer, @RequestParam(defaultValue = "100") int limit,
            @RequestParam(defaultValue = "0") long waitMs) throws InterruptedException {
        int colon = topic.indexOf(':');
        ChangeSource source = colon > 0 ? sources.get(topic.substring(0, colon)) : null;
        String key = colon > 0 ? topic.substring(colon + 1) : "";
        if (source == null || key.isBlank()) {
            throw QueryRejectedException.invalid("UNKNOWN_TOPIC",
                    "Name a topic as <type>:<key>, with a type among " + sources.keySet().stream().sorted().toList() + ".");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw QueryRejectedException.invalid("INVALID_PAGE_SIZE", "limit must be 1 to " + MAX_LIMIT + ".");
        }
        if (waitMs < 0 || waitMs > MAX_WAIT_MS) {
            throw QueryRejectedException.invalid("INVALID_WAIT", "waitMs must be 0 to " + MAX_WAIT_MS + ".");
        }
        if (after != null && after < -1) {
            throw QueryRejectedException.invalid("INVALID_CURSOR", "after must be a global position (-1 or more).");
        }
        String viewerId = viewer == null || viewer.isBlank() ? null : viewer;
        source.authorize(key, viewerId);

        long scanned = after != null ? after : horizon.of(source.processingGroup());
        long deadline = System.nanoTime() + waitMs * 1_000_000;
        long lastScan = System.nanoTime() - SCAN_GAP_NANOS;
        while (true) {
            long reports = advanced.changes();
            long upTo = horizon.of(source.processingGroup());
            long now = System.nanoTime();
            boolean over = now - deadline >= 0;
            if (upTo > scanned) {
                long gapLeft = lastScan + SCAN_GAP_NANOS - now;
                if (gapLeft > 0 && !over) {
                    // the record moved on again right after a scan: under load every batch would
                    // otherwise cost each waiting poll a query
                    TimeUnit.NANOSECONDS.sleep(Math.min(gapLeft, deadline - now));
                    continue;
                }
                lastScan = now;
                List<ChangeView> found = source.changes(key, scanned, upTo, limit);
                if (!found.isEmpty()) {
                    return answer(source, key, viewerId, found, found.size() < limit ? upTo : last(found));
                }
                scanned = upTo;
            }
            if (over) {
                return new ChangePage(List.of(), scanned);
            }
            // looks again as soon as a processor here finishes a batch; the interval only bounds the
            // wait for what no batch reports: a gap's grace running out (ChangeHorizon)
            advanced.awaitChange(reports, Math.min(deadline - now, pollInterval.toNanos()));
        }
    }

    /**
     * The changes found, once every read model has processed the last of them, the viewer is
     * still allowed, and without those of a community the viewer may no longer read.
     */
    private ChangePage answer(ChangeSource source, String key, String viewer, List<ChangeView> found, long scannedTo) {
        consistency.awaitPosition(last(found));
        source.authorize(key, viewer);
        Map<String, Boolean> readable = new HashMap<>();
        List<ChangeView> allowed = found.stream()
                .filter(change -> change.communityId() == null
                        || readable.computeIfAbsent(change.communityId(), community -> access.canRead(community, viewer)))
                .toList();
        return new ChangePage(allowed, scannedTo);
    }

    private static long last(List<ChangeView> changes) {
        return changes.get(changes.size() - 1).position();
    }
}
