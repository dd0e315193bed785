package dev.praxis.query.badge;

/**
 * The badges, after Stack Overflow's: participation badges (once per member and community), post
 * badges (once per post) and tag badges (once per member, tag and rank). Badges are never taken
 * back, as on Stack Overflow: a later reversal leaves an earned badge in place.
 */
public enum Badge {
    /** asked a question that reached a score of 1 */
    STUDENT(Rank.BRONZE),
    /** answered with an answer that reached a score of 1 */
    TEACHER(Rank.BRONZE),
    /** asked a question and accepted an answer */
    SCHOLAR(Rank.BRONZE),
    /** edited a post for the first time */
    EDITOR(Rank.BRONZE),
    /** cast a first upvote */
    SUPPORTER(Rank.BRONZE),
    /** cast a first downvote */
    CRITIC(Rank.BRONZE),
    /** left 10 comments */
    COMMENTATOR(Rank.BRONZE),
    /** an answer reached a score of 10, 25, 100 */
    NICE_ANSWER(Rank.BRONZE), GOOD_ANSWER(Rank.SILVER), GREAT_ANSWER(Rank.GOLD),
    /** a question reached a score of 10, 25, 100 */
    NICE_QUESTION(Rank.BRONZE), GOOD_QUESTION(Rank.SILVER), GREAT_QUESTION(Rank.GOLD),
    /** in a tag: 100 total answer score over 20 answers (bronze), 400 over 80 (silver), 1,000 over 200 (gold) */
    TAG(null);

    /** The rank of a badge. */
    public enum Rank { BRONZE, SILVER, GOLD }

    private final Rank rank;

    Badge(Rank rank) {
        this.rank = rank;
    }

    public Rank rank() {
        return rank;
    }

    static final int COMMENTATOR_COMMENTS = 10;
    static final int[] POST_SCORES = {10, 25, 100};
    static final int[] TAG_ANSWERS = {20, 80, 200};
    static final int[] TAG_SCORES = {100, 400, 1_000};
}
