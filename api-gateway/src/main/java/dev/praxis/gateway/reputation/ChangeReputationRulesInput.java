package dev.praxis.gateway.reputation;

import dev.praxis.api.reputation.ReputationPreset;
import dev.praxis.api.reputation.ReputationRule;
import dev.praxis.gateway.client.MutationInput;
import java.util.List;

/** The input of {@code changeReputationRules}: a preset, single values on top, or both. */
public record ChangeReputationRulesInput(String communityId, ReputationPreset preset, List<RuleValue> values,
                                         String idempotencyKey, String clientMutationId) implements MutationInput {

    /** One rule's value. */
    public record RuleValue(ReputationRule rule, Integer value) {
    }
}
