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
 * A member in the {@code members} collection: their name and memberships. Their reputation per
 * community comes from the reputation projection when the view is made.
 */
record MemberDocument(
        @Id String id,
        String displayName,
        /** the name the member set in their profile; it wins over the name they joined with */
        String profileName,
        Map<String, Membership> memberships) {

    static final String COLLECTION = "members";
    static final int BASE_REPUTATION = DefaultReputationRules.BASE_REPUTATION;

    record Membership(String communityId, CommunityRole role, Instant joinedAt) {
    }

    /**
     * @param reputation the member's reputation per community (communities where it never changed left out);
     *                   across communities it is the base plus what every community added
     */
    MemberView view(Map<String, Integer> reputation) {
        List<MembershipView> views = memberships == null ? List.of() : memberships.values().stream()
                .filter(m -> m.role() != null)
                .sorted(Comparator.comparing(Membership::joinedAt, Comparator.nullsLast(Comparator.naturalOrder())))
                .map(m -> new MembershipView(m.communityId(), m.role(),
                        reputation.getOrDefault(m.communityId(), BASE_REPUTATION), m.joinedAt()))
                .toList();
        String name = profileName != null ? profileName : displayName;
        int across = BASE_REPUTATION + reputation.values().stream().mapToInt(r -> r - BASE_REPUTATION).sum();
        return new MemberView(id, name == null ? id : name, across, views);
    }
}
