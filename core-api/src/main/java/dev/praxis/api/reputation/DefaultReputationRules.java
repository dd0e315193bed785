package dev.praxis.api.reputation;

import dev.praxis.api.question.VoteDirection;

/**
 * Stack Overflow's reputation points, which both sides apply: the command side to check privileges
 * on a member's current reputation, the query side to show it. Reputation starts at 1. An upvote on
 * a question or an answer earns its author 10, a downvote costs its author 2, an accepted answer
 * earns its author 15 (not when the asker accepts their own answer). The configurable, versioned
 * rule engine with daily cap and floor comes with the reputation feature.
 */
public final class DefaultReputationRules {

    public static final int BASE_REPUTATION = 1;
    public static final int UPVOTE_RECEIVED = 10;
    public static final int DOWNVOTE_RECEIVED = -2;
    public static final int ANSWER_ACCEPTED = 15;

    private DefaultReputationRules() {
    }

    public static int forVoteReceived(VoteDirection direction) {
        return direction == VoteDirection.UP ? UPVOTE_RECEIVED : DOWNVOTE_RECEIVED;
    }

    public static int forAcceptance(String answerAuthorId, String askerId) {
        return answerAuthorId.equals(askerId) ? 0 : ANSWER_ACCEPTED;
    }
}
