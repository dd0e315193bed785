package dev.praxis.gateway.replay;

import dev.praxis.api.query.ReplayView;
import dev.praxis.api.reputation.ReputationPreset;
import dev.praxis.api.reputation.ReputationRule;
import java.util.List;

/** The inputs and payloads of the replay features. */
final class ReplayInputs {

    private ReplayInputs() {
    }

    /** The input of {@code startReplay}: the projections to rebuild, all when left out or empty. */
    record StartReplayInput(List<String> projections, String clientMutationId) {
    }

    /** The answer of {@code startReplay}. */
    record StartReplayPayload(ReplayView replay, String clientMutationId) {
    }

    /** Rules to compare with: a preset (the current one when left out) and single values on top. */
    record ReputationRulesInput(ReputationPreset preset, List<RuleValue> values) {
    }

    /** One rule's value. */
    record RuleValue(ReputationRule rule, Integer value) {
    }
}
