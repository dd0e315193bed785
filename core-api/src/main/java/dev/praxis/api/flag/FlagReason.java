package dev.praxis.api.flag;

/** Why a member flags a post; OTHER needs a text. */
public enum FlagReason {
    SPAM, OFFENSIVE, NEEDS_IMPROVEMENT, OTHER
}
