package dev.praxis.api.flag;

/** A moderator's decision on a flagged post: dismiss the flags, delete the post, or lock its question. */
public enum FlagDecision {
    DISMISS, DELETE, LOCK
}
