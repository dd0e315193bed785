package dev.praxis.api.bounty;

/**
 * A question's bounties live in one aggregate of their own, next to the question: its id is the
 * question's with a prefix, so that it never collides with the question's event stream. The
 * bounties on it are numbered 1, 2, ... ({@code round}); at most one is open at a time.
 */
public final class BountyIds {

    public static final String PREFIX = "bounty-";

    private BountyIds() {
    }

    public static String forQuestion(String questionId) {
        return PREFIX + questionId;
    }
}
