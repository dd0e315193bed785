package dev.praxis.query.scaling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScalingPropertiesTest {

    private static ScalingProperties withBatchSize(int batchSize) {
        return new ScalingProperties("node", 1, Map.of(), Duration.ofSeconds(10), Duration.ofSeconds(2), batchSize,
                Duration.ofMillis(20));
    }

    private static ScalingProperties withBatchLinger(Duration linger) {
        return new ScalingProperties("node", 1, Map.of(), Duration.ofSeconds(10), Duration.ofSeconds(2), 100, linger);
    }

    @Test
    void batchSizeIsTakenAsConfiguredWithinItsBounds() {
        assertThat(withBatchSize(1).batchSize()).isEqualTo(1);
        assertThat(withBatchSize(ScalingProperties.MAX_BATCH_SIZE).batchSize()).isEqualTo(100);
    }

    /** A redelivered batch must stay below what a document remembers of the events applied to it. */
    @Test
    void batchSizeOutsideItsBoundsIsRefusedAtStartup() {
        assertThatThrownBy(() -> withBatchSize(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("batch-size");
        assertThatThrownBy(() -> withBatchSize(101)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("batch-size must be 1 to 100");
    }

    @Test
    void aBatchLingerOutsideItsBoundsIsRefusedAtStartup() {
        assertThat(withBatchLinger(Duration.ZERO).batchLinger()).isZero();
        assertThat(withBatchLinger(Duration.ofSeconds(1)).batchLinger()).isEqualTo(Duration.ofSeconds(1));
        assertThatThrownBy(() -> withBatchLinger(Duration.ofMillis(-1))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("batch-linger must be 0 to 1000ms");
        assertThatThrownBy(() -> withBatchLinger(Duration.ofMillis(1001))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("batch-linger");
    }
}
