package dev.praxis.api.privilege;

/**
 * Acts that a community gates by reputation. The thresholds of the default preset are Stack
 * Overflow's; a community may set its own (see {@link PrivilegePreset}). Owners and moderators hold
 * every privilege whatever their reputation.
 */
public enum Privilege {
    UPVOTE(15),
    FLAG(15),
    COMMENT(50),
    OFFER_BOUNTY(75),
    DOWNVOTE(125),
    CREATE_TAG(1_500),
    EDIT_OTHERS_POSTS(2_000),
    EDIT_TAG_SYNONYMS(2_500),
    CLOSE_AND_REOPEN(3_000),
    MODERATION_TOOLS(10_000);

    private final int stackOverflowThreshold;

    Privilege(int stackOverflowThreshold) {
        this.stackOverflowThreshold = stackOverflowThreshold;
    }

    /** The reputation Stack Overflow asks for this privilege. */
    public int stackOverflowThreshold() {
        return stackOverflowThreshold;
    }
}
