package dev.praxis.query.community;

import dev.praxis.api.query.MembershipRequestView;
import java.time.Instant;
import org.springframework.data.annotation.Id;

/** A pending request to join in {@code membership_requests}, id {@code communityId/memberId}. */
record MembershipRequestDocument(
        @Id String id,
        String communityId,
        String memberId,
        String displayName,
        String message,
        Instant createdAt) {

    static final String COLLECTION = "membership_requests";

    MembershipRequestView view() {
        return new MembershipRequestView(communityId, memberId, displayName, message, createdAt);
    }
}
