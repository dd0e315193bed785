package dev.praxis.query.search;

/** The names of the index's fields, in one place because the projection writes what the searchers read. */
final class SearchFields {

    /** Unique key of every document: a post's id, {@code member:<id>} or {@code synonym:<community>/<name>}. */
    static final String KEY = "key";
    /** QUESTION, ANSWER, ARTICLE, COMMENT, MEMBER or SYNONYM. */
    static final String KIND = "kind";
    /** The question (or article) whose thread a post belongs to; the post itself for a question. */
    static final String THREAD = "thread";
    static final String COMMUNITY = "community";
    static final String AUTHOR = "author";
    /** Tags as exact keywords (a question's own; an answer or comment carries its question's). */
    static final String TAG = "tag";
    /** Tags as words, so that a plain query term matches a tag too. */
    static final String TAG_TEXT = "tagText";
    static final String TITLE = "title";
    static final String BODY = "body";
    /** "true" on a question with an accepted answer or an answer scored above zero, "false" on other questions. */
    static final String ANSWERED = "answered";
    /** "true" on a deleted post, or a post whose question was deleted. */
    static final String HIDDEN = "hidden";
    /** Creation time in epoch milliseconds, as a point (ranges) and as doc values (sort, recency). */
    static final String CREATED = "created";
    /** Vote score, as a point (ranges) and as doc values (sort, boost). */
    static final String VOTES = "votes";
    /** 1 on an accepted answer (doc values, boost). */
    static final String ACCEPTED = "accepted";
    /** The whole entry as JSON: what an update reads back to change one field. */
    static final String STATE = "state";
    /** A member's names (display and profile). */
    static final String NAME = "name";
    /** The communities a member currently belongs to. */
    static final String MEMBER_OF = "memberOf";

    private SearchFields() {
    }
}
