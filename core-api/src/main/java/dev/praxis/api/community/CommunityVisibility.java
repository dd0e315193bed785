package dev.praxis.api.community;

/**
 * Who may join a community and see it. {@code PUBLIC}: anyone joins and, once a member, writes.
 * {@code RESTRICTED}: anyone reads, members write, joining needs an invitation or an approved
 * request. {@code PRIVATE}: as restricted, and only members read.
 */
public enum CommunityVisibility {
    PUBLIC, RESTRICTED, PRIVATE
}
