package dev.praxis.api.community;

/** A member's role in one community. */
public enum CommunityRole {
    OWNER, MODERATOR, MEMBER
}
