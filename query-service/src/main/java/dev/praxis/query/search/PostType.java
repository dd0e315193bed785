package dev.praxis.query.search;

/** The kinds of post the index holds; the name is what {@code is:} and the {@code kind} filter take. */
public enum PostType {
    QUESTION, ANSWER, ARTICLE, COMMENT
}
