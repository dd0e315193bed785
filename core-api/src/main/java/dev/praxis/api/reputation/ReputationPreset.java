package dev.praxis.api.reputation;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * Named sets of reputation rules. {@code STACK_OVERFLOW} (the default) is Stack Overflow's. {@code TEAM}
 * is gentler, for a company's own community where a downvote is a review comment, not a sanction:
 * downvotes cost nobody anything, and the daily vote cap is twice as high (a small team's experts
 * are voted up often). Everything else is as on Stack Overflow.
 */
public enum ReputationPreset {
    STACK_OVERFLOW,
    TEAM;

    public Map<ReputationRule, Integer> ruleValues() {
        Map<ReputationRule, Integer> values = new EnumMap<>(ReputationRule.class);
        for (ReputationRule rule : ReputationRule.values()) {
            values.put(rule, rule.stackOverflow());
        }
        if (this == TEAM) {
            values.put(ReputationRule.DOWNVOTE_RECEIVED, 0);
            values.put(ReputationRule.ANSWER_DOWNVOTE_CAST, 0);
            values.put(ReputationRule.DAILY_VOTE_CAP, 400);
        }
        return Collections.unmodifiableMap(values);
    }
}
