package dev.praxis.query.scaling;

import dev.praxis.query.shared.AppliedEvents;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the instances of the query service share the projections.
 *
 * @param nodeId this instance's name in the token store (default: host name and process id, the pod
 *     name on Kubernetes)
 * @param segments how many segments a new projection is split into (1: the projection sees the
 *     events in their global order; the instances then share the work projection by projection)
 * @param parallel the projections that may be split into more segments, and into how many: only
 *     those whose handlers depend on the order of events within one aggregate alone (events of
 *     different aggregates are then handled concurrently)
 * @param claimTimeout how long a segment stays claimed by an instance that stopped extending its
 *     claim (a killed pod) before another instance takes it over
 * @param balanceInterval how often an instance announces itself and hands segments above its fair
 *     share to the others
 * @param batchSize events a processor handles per unit of work, with one token update per batch; a
 *     processor that stops mid-batch delivers the batch again, so it stays at half the number of
 *     event ids a read-model document remembers ({@code AppliedEvents}, 200): at most 100
 * @param batchLinger the least time between the starts of two batches of a processor at the head of
 *     the store, when the earlier one held several events and was not full (0: each starts at once):
 *     events that arrive faster than the processor's batches wait up to this long and are handled
 *     together ({@code LingeringEventSource})
 */
@ConfigurationProperties("praxis.query.scaling")
public record ScalingProperties(
        String nodeId,
        @DefaultValue("1") int segments,
        Map<String, Integer> parallel,
        @DefaultValue("10s") Duration claimTimeout,
        @DefaultValue("2s") Duration balanceInterval,
        @DefaultValue("100") int batchSize,
        @DefaultValue("40ms") Duration batchLinger) {

    public ScalingProperties {
        if (nodeId == null || nodeId.isBlank()) {
            nodeId = defaultNodeId();
        }
        parallel = parallel == null ? Map.of() : Map.copyOf(parallel);
        if (segments < 1 || parallel.values().stream().anyMatch(n -> n < 1)) {
            throw new IllegalArgumentException("praxis.query.scaling segments must be at least 1");
        }
        if (batchSize < 1 || batchSize > MAX_BATCH_SIZE) {
            throw new IllegalArgumentException("praxis.query.scaling.batch-size must be 1 to " + MAX_BATCH_SIZE + ": " + batchSize);
        }
        if (batchLinger == null || batchLinger.isNegative() || batchLinger.compareTo(MAX_BATCH_LINGER) > 0) {
            throw new IllegalArgumentException("praxis.query.scaling.batch-linger must be 0 to " + MAX_BATCH_LINGER.toMillis()
                    + "ms: " + batchLinger);
        }
    }

    /** Half of what a read-model document remembers of the events applied to it (AppliedEvents). */
    public static final int MAX_BATCH_SIZE = AppliedEvents.REMEMBERED / 2;
    /** A longer linger would hold a write's answer (read-your-writes) back noticeably. */
    public static final Duration MAX_BATCH_LINGER = Duration.ofSeconds(1);

    private static String defaultNodeId() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "query-service";
        }
        return host + "-" + ManagementFactory.getRuntimeMXBean().getPid();
    }
}
