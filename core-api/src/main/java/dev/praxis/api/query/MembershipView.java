package dev.praxis.api.query;

import dev.praxis.api.community.CommunityRole;
import java.time.Instant;

public record MembershipView(String communityId, CommunityRole role, int reputation, Instant joinedAt) {
}
