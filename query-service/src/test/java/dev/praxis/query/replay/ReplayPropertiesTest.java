package dev.praxis.query.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.praxis.query.scaling.ScalingProperties;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ReplayPropertiesTest {

    private static ReplayProperties withBatchSize(int batchSize) {
        return new ReplayProperties(batchSize, 0, Duration.ofMillis(500), Duration.ofSeconds(60),
                Duration.ofSeconds(30), Duration.ofSeconds(30), 2);
    }

    @Test
    void aReplayBatchIsTakenAsConfiguredUpToALiveProcessorsLargest() {
        assertThat(withBatchSize(1).batchSize()).isEqualTo(1);
        assertThat(withBatchSize(ScalingProperties.MAX_BATCH_SIZE).batchSize()).isEqualTo(100);
    }

    /** A replay stopped mid-batch delivers it again: it must stay within what a document remembers. */
    @Test
    void aLargerReplayBatchIsRefusedAtStartup() {
        assertThatThrownBy(() -> withBatchSize(101)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("batch-size must be 1 to 100");
        assertThatThrownBy(() -> withBatchSize(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
