package dev.praxis.api.query;

import dev.praxis.api.reputation.ReputationPreset;
import dev.praxis.api.reputation.ReputationRule;
import java.time.Instant;
import java.util.Map;

/**
 * One version of a community's reputation rules and when it came into force ({@code since} and
 * {@code changedBy} are null for version 1, in force since the community was founded).
 */
public record ReputationRulesView(String communityId, int version, ReputationPreset preset,
                                  Map<ReputationRule, Integer> values, Instant since, String changedBy) {
}
