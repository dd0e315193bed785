package dev.praxis.api.reputation;

/**
 * One configurable value of a community's reputation rules, with its Stack Overflow default and
 * the range an owner may set. Gains are non-negative, losses non-positive, caps non-negative.
 */
public enum ReputationRule {
    /** what the author of a question earns from an upvote */
    QUESTION_UPVOTE(10, 0, 1_000),
    /** what the author of an answer earns from an upvote */
    ANSWER_UPVOTE(10, 0, 1_000),
    /** what the author of a question or answer loses from a downvote */
    DOWNVOTE_RECEIVED(-2, -1_000, 0),
    /** what a member loses for downvoting an answer (questions are free to downvote) */
    ANSWER_DOWNVOTE_CAST(-1, -1_000, 0),
    /** what the author of an accepted answer earns (not when the asker accepts their own) */
    ANSWER_ACCEPTED(15, 0, 1_000),
    /** what the asker earns for accepting someone else's answer */
    ACCEPTOR(2, 0, 1_000),
    /** what a member earns for an edit of someone else's post */
    EDIT(2, 0, 1_000),
    /** the most a member earns from edits in a community, in total */
    EDIT_CAP(1_000, 0, 1_000_000),
    /** the most a member earns from votes in a community per UTC day (accepts and bounties are exempt) */
    DAILY_VOTE_CAP(200, 0, 1_000_000);

    private final int stackOverflow;
    private final int min;
    private final int max;

    ReputationRule(int stackOverflow, int min, int max) {
        this.stackOverflow = stackOverflow;
        this.min = min;
        this.max = max;
    }

    public int stackOverflow() {
        return stackOverflow;
    }

    public boolean allows(int value) {
        return value >= min && value <= max;
    }

    public int min() {
        return min;
    }

    public int max() {
        return max;
    }
}
