package dev.praxis.query.community;

import dev.praxis.api.community.CommunityVisibility;
import dev.praxis.api.query.CommunityView;
import java.time.Instant;
import org.springframework.data.annotation.Id;

/** A community in the {@code communities} collection with its counters, kept current by events (no visibility: public). */
record CommunityDocument(
        @Id String id,
        String name,
        String description,
        String createdBy,
        Instant createdAt,
        long memberCount,
        long questionCount,
        CommunityVisibility visibility) {

    static final String COLLECTION = "communities";

    CommunityView view() {
        return new CommunityView(id, name, description, createdBy, createdAt, memberCount, questionCount,
                visibility == null ? CommunityVisibility.PUBLIC : visibility);
    }
}
