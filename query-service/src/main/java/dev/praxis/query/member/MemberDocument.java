package dev.praxis.query.member;

import dev.praxis.api.community.CommunityRole;
import dev.praxis.api.query.MemberView;
import dev.praxis.api.reputation.DefaultReputationRules;
import dev.praxis.api.query.MembershipView;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.springframework.data.annotation.Id;

/**
 * A member in the {@code members} collection: their name and the reputation points earned in each
 * community. Reputation starts at 1, as on Stack Overflow; the stored points are what acts added
 * or took away.
 */
record MemberDocument(
        @Id String id,
        String displayName,
        /** the name the member set in their profile; it wins over the name they joined with */
        String profileName,
        Long points,
        Map<String, Membership> memberships) {

    static final String COLLECTION = "members";
    static final int BASE_REPUTATION = DefaultReputationRules.BASE_REPUTATION;

    /** {@code points} is absent until the member earns or loses some in the community. */
    record Membership(String communityId, CommunityRole role, Instant joinedAt, Long points) {
    }

    MemberView view() {
        List<MembershipView> views = memberships == null ? List.of() : memberships.values().stream()
                .filter(m -> m.role() != null)
                .sorted(Comparator.comparing(Membership::joinedAt, Comparator.nullsLast(Comparator.naturalOrder())))
                .map(m -> new MembershipView(m.communityId(), m.role(), reputation(m.points()), m.joinedAt()))
                .toList();
        String name = profileName != null ? profileName : displayName;
        return new MemberView(id, name == null ? id : name, reputation(points), views);
    }

    private static int reputation(Long points) {
        return BASE_REPUTATION + (points == null ? 0 : Math.toIntExact(points));
    }
}
