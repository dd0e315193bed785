package dev.praxis.query.replay;

import dev.praxis.query.scaling.ScalingProperties;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How replays run ({@code praxis.query.replay}).
 *
 * @param batchSize events read from the store and handled per batch (one token update per batch); a
 *     replay stopped mid-batch delivers it again, so it is bounded as a live processor's batch is
 *     ({@link ScalingProperties#MAX_BATCH_SIZE})
 * @param maxEventsPerSecond at most this many events per second (0: as fast as it goes), to spare a
 *     busy store during the day
 * @param controlTtl how long an instance trusts its copy of the control document that names the live
 *     generations; after a switch the other instances read the new generation within this time
 * @param retireAfter how long the old generation is kept after a switch (readers of the other
 *     instances may still read it for {@code controlTtl}) before its collections are dropped
 * @param lockTimeout a replay whose instance stopped reporting for this long no longer blocks a new one
 * @param threads how many replay processors share the projections of a replay, each on its own thread
 *     reading the events once for its share (at most one per projection)
 * @param switchTimeout how long the switch waits for the live processors' segments and for the replay
 *     to reach their position before it gives up and leaves the old generation live
 */
@ConfigurationProperties("praxis.query.replay")
public record ReplayProperties(
        @DefaultValue("100") int batchSize,
        @DefaultValue("0") int maxEventsPerSecond,
        @DefaultValue("500ms") Duration controlTtl,
        @DefaultValue("60s") Duration retireAfter,
        @DefaultValue("30s") Duration lockTimeout,
        @DefaultValue("30s") Duration switchTimeout,
        @DefaultValue("2") int threads) {

    public ReplayProperties {
        if (batchSize < 1 || batchSize > ScalingProperties.MAX_BATCH_SIZE || maxEventsPerSecond < 0 || threads < 1) {
            throw new IllegalArgumentException("praxis.query.replay: batch-size must be 1 to "
                    + ScalingProperties.MAX_BATCH_SIZE + ", max-events-per-second at least 0, threads at least 1");
        }
    }
}
