package dev.praxis.api.reputation;

import dev.praxis.api.shared.PraxisEvent;
import java.time.Instant;
import java.util.Map;

/**
 * The owner ({@code actorId}) changed the community's reputation rules: {@code version} is the new
 * version (the initial rules are version 1), {@code values} every value now in force. From this
 * event on, the community's reputation is what its whole history earns under these rules.
 */
public record ReputationRulesChanged(
        String communityId,
        int version,
        ReputationPreset preset,
        Map<ReputationRule, Integer> values,
        String actorId,
        Instant occurredAt) implements PraxisEvent {

    public ReputationRules rules() {
        return new ReputationRules(version, preset, values);
    }
}
