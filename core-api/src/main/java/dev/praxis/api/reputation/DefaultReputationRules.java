package dev.praxis.api.reputation;

/**
 * Where reputation starts. The rules themselves are {@link ReputationRules}, applied by the
 * {@link ReputationEngine} on both sides.
 */
public final class DefaultReputationRules {

    /** Every member's reputation in a community before anything changed it. */
    public static final int BASE_REPUTATION = ReputationRules.BASE;

    private DefaultReputationRules() {
    }
}
