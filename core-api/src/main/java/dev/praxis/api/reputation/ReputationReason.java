package dev.praxis.api.reputation;

/** Why a member's reputation changed; a reversal names the reason of what it reverses. */
public enum ReputationReason {
    QUESTION_UPVOTED,
    ANSWER_UPVOTED,
    POST_DOWNVOTED,
    ANSWER_DOWNVOTE_CAST,
    ANSWER_ACCEPTED,
    ACCEPTED_AN_ANSWER,
    BOUNTY_OFFERED,
    BOUNTY_WON,
    POST_EDITED,
    /** the community's rules changed and its history was recomputed under them */
    RULES_CHANGED
}
