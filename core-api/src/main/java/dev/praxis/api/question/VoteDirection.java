package dev.praxis.api.question;

public enum VoteDirection {
    UP, DOWN
}
