package dev.praxis.api.reputation;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * The reputation rules in force in a community: a version (1 is the Stack Overflow preset every
 * community starts with; each {@code ReputationRulesChanged} counts up), the preset they started
 * from and every value. Reputation starts at {@link #BASE} and never falls below {@link #FLOOR}.
 */
public record ReputationRules(int version, ReputationPreset preset, Map<ReputationRule, Integer> values) {

    /** Every member starts with this reputation in every community. */
    public static final int BASE = 1;
    /** No change takes a member's reputation in a community below this. */
    public static final int FLOOR = 1;

    public ReputationRules {
        Objects.requireNonNull(preset, "preset");
        Map<ReputationRule, Integer> complete = new EnumMap<>(ReputationRule.class);
        complete.putAll(preset.ruleValues());
        if (values != null) {
            complete.putAll(values);
        }
        values = Collections.unmodifiableMap(complete);
    }

    /** The rules of a community that never changed them: version 1, Stack Overflow's. */
    public static ReputationRules initial() {
        return new ReputationRules(1, ReputationPreset.STACK_OVERFLOW, null);
    }

    public int get(ReputationRule rule) {
        return values.get(rule);
    }
}
