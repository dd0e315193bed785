package dev.praxis.query.reputation;

import java.util.List;

/** The reputation read models' collections and their keys. */
final class ReputationCollections {

    /** every input event of the reputation engine: its order, its JSON, and the outcome decided for it */
    static final String INPUTS = "reputation_inputs";
    static final String COUNTERS = "reputation_counters";
    /** a member's reputation per community: {@code _id} community|member */
    static final String TOTALS = "reputation_totals";
    static final String VOTE_DAYS = "reputation_vote_days";
    static final String THREAD_TAGS = "reputation_thread_tags";
    static final String CAUSES = "reputation_causes";
    /** the rules in force per community, and every version with when it came into force */
    static final String RULES = "reputation_rules";
    static final String RULE_VERSIONS = "reputation_rule_versions";
    static final String THRESHOLDS = "reputation_thresholds";
    /** every change, naming its event */
    static final String HISTORY = "reputation_history";
    /** points per member and board (community or community and tag, per week, month and all time) */
    static final String LEADERBOARD = "reputation_leaderboard";

    static final List<String> ALL = List.of(INPUTS, COUNTERS, TOTALS, VOTE_DAYS, THREAD_TAGS, CAUSES, RULES,
            RULE_VERSIONS, THRESHOLDS, HISTORY, LEADERBOARD);

    private ReputationCollections() {
    }

    static String key(String... parts) {
        return String.join("|", parts);
    }
}
