package dev.praxis.query.feed;

/** The orders of a community feed, each served by one index on {@code feed_posts}. */
public enum FeedOrder {
    /** Newest first, by creation. */
    NEWEST("createdAt"),
    /** Most recent activity first: asked, answered, commented, edited, accepted. */
    ACTIVE("lastActivityAt"),
    /** Highest {@link HotScore} first. */
    HOT("hot"),
    /** Open questions without a (live) answer, newest first. */
    UNANSWERED("createdAt");

    final String field;

    FeedOrder(String field) {
        this.field = field;
    }
}
