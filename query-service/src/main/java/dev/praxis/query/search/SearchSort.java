package dev.praxis.query.search;

/** The orders of search results. */
public enum SearchSort {
    /** Best match first: text match (title over body), lifted by score, acceptance and recency. */
    RELEVANCE,
    /** Newest first. */
    NEWEST,
    /** Highest score first, newest first among equals. */
    VOTES
}
