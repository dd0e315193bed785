package dev.praxis.api.query;

import dev.praxis.api.community.CommunityVisibility;
import java.time.Instant;

public record CommunityView(
        String id,
        String name,
        String description,
        String createdBy,
        Instant createdAt,
        long memberCount,
        long questionCount,
        CommunityVisibility visibility) {
}
