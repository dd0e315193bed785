package dev.praxis.api.query;

import java.time.Instant;

/** A pending request to join a community. */
public record MembershipRequestView(
        String communityId,
        String memberId,
        String displayName,
        String message,
        Instant requestedAt) {
}
