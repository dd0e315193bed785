package dev.praxis.api.question;

/**
 * What a post is. Votes and edits concern questions and answers; a comment is a post too where
 * something points at any of them (a flag, the moderation queue).
 */
public enum PostKind {
    QUESTION, ANSWER, COMMENT
}
