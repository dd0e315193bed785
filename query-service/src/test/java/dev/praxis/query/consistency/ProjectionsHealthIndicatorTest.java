package dev.praxis.query.consistency;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

class ProjectionsHealthIndicatorTest {

    private static final ProcessorState QUESTIONS = new ProcessorState("questions", true, null);
    private static final ProcessorState MEMBERS = new ProcessorState("members", true, null);

    @Test
    void everyProcessorRunningIsUp() {
        Health health = ProjectionsHealthIndicator.of(List.of(QUESTIONS, MEMBERS)).build();
        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(health.getDetails()).doesNotContainKey("failing");
    }

    @Test
    void oneProcessorInErrorIsDegradedAndNamed() {
        ProcessorState badges = new ProcessorState("badges", true, "IllegalStateException: no such post");
        Health health = ProjectionsHealthIndicator.of(List.of(QUESTIONS, badges, MEMBERS)).build();
        assertThat(health.getStatus().getCode()).isEqualTo("DEGRADED");
        assertThat(health.getDetails()).containsEntry("failing", Map.of("badges", "IllegalStateException: no such post"));
    }

    @Test
    void aStoppedProcessorIsDegradedToo() {
        Health health = ProjectionsHealthIndicator.of(List.of(QUESTIONS, new ProcessorState("members", false, null))).build();
        assertThat(health.getStatus().getCode()).isEqualTo("DEGRADED");
        assertThat(health.getDetails()).containsEntry("failing", Map.of("members", "not running"));
    }

    @Test
    void noProcessorRunningIsDown() {
        Health health = ProjectionsHealthIndicator.of(List.of(
                new ProcessorState("questions", true, "MongoTimeoutException: timed out"),
                new ProcessorState("members", false, null))).build();
        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.getDetails()).containsEntry("failing",
                Map.of("questions", "MongoTimeoutException: timed out", "members", "not running"));
    }
}
