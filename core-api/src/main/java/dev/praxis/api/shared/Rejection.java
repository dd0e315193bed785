package dev.praxis.api.shared;

/**
 * Why a command was refused. The command service answers a refused command with one of these kinds
 * and a code; the gateway turns the kind into the GraphQL error classification.
 */
public enum Rejection {
    /** The input is malformed or out of bounds. */
    INVALID_INPUT,
    /** Something the command names does not exist. */
    NOT_FOUND,
    /** The actor may not do this. */
    FORBIDDEN,
    /** The act conflicts with the current state (already voted, already a member). */
    CONFLICT
}
