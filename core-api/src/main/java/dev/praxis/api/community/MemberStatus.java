package dev.praxis.api.community;

/** Whether a member may write in a community now. */
public enum MemberStatus {
    ACTIVE, SUSPENDED, BANNED
}
