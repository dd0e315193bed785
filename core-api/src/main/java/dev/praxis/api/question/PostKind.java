package dev.praxis.api.question;

public enum PostKind {
    QUESTION, ANSWER
}
