package dev.praxis.command.community;

import dev.praxis.api.community.MemberStatus;
import java.time.Instant;

/**
 * Why a member may not write in a community now: {@code SUSPENDED} or {@code BANNED}, until when
 * (null for a ban for good).
 */
public record WriteBlock(MemberStatus status, Instant until) {

    /** A sentence for the refused member. */
    public String describe() {
        String what = status == MemberStatus.BANNED ? "You are banned from this community" : "You are suspended in this community";
        return until == null ? what + "." : what + " until " + until + ".";
    }
}
