package dev.praxis.query.member;

import dev.praxis.api.question.VoteDirection;

/**
 * The reputation points of the first slice, Stack Overflow's defaults: an upvote on a question or an
 * answer earns its author 10, a downvote costs its author 2, an accepted answer earns its author 15
 * (not when the asker accepts their own answer). The configurable rule engine, daily cap and floor
 * come with the reputation feature.
 */
final class ReputationRules {

    static final int UPVOTE_RECEIVED = 10;
    static final int DOWNVOTE_RECEIVED = -2;
    static final int ANSWER_ACCEPTED = 15;

    private ReputationRules() {
    }

    static int forVoteReceived(VoteDirection direction) {
        return direction == VoteDirection.UP ? UPVOTE_RECEIVED : DOWNVOTE_RECEIVED;
    }

    static int forAcceptance(String answerAuthorId, String askerId) {
        return answerAuthorId.equals(askerId) ? 0 : ANSWER_ACCEPTED;
    }
}
