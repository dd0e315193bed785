package dev.praxis.query.pointintime;

import dev.praxis.api.community.CommunityCreated;
import dev.praxis.api.community.CommunityPrivilegeThresholdsChanged;
import dev.praxis.api.community.CommunityRole;
import dev.praxis.api.community.MemberBanned;
import dev.praxis.api.community.MemberJoinedCommunity;
import dev.praxis.api.community.MemberLeftCommunity;
import dev.praxis.api.community.MemberRoleChanged;
import dev.praxis.api.community.MemberStatus;
import dev.praxis.api.community.MemberSuspended;
import dev.praxis.api.community.MemberUnbanned;
import dev.praxis.api.community.SuspensionLifted;
import dev.praxis.api.privilege.Privilege;
import dev.praxis.api.privilege.PrivilegePreset;
import dev.praxis.api.query.CommunityMemberView;
import java.time.Instant;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A community's members (role, suspension, ban) and privilege thresholds as its projections
 * ({@code CommunityMemberProjection}, the thresholds of {@code ReputationProjection}) left them
 * after a prefix of the community aggregate's events, which alone carries them. Statuses are judged
 * at the moment asked about, as the present ones are judged now.
 */
final class CommunityFold {

    private boolean created;
    private final Map<String, Member> members = new LinkedHashMap<>();
    private final Map<Privilege, Integer> thresholds = new EnumMap<>(Privilege.class);

    static CommunityFold of(List<HistoricEvent> events) {
        CommunityFold fold = new CommunityFold();
        events.forEach(event -> fold.apply(event.payload()));
        return fold;
    }

    /** Whether the community had been founded by then. */
    boolean exists() {
        return created;
    }

    void apply(Object event) {
        if (event instanceof CommunityCreated e) {
            created = true;
            PrivilegePreset preset = e.privilegePreset() == null ? PrivilegePreset.STACK_OVERFLOW : e.privilegePreset();
            thresholds.putAll(preset.thresholds());
        } else if (event instanceof CommunityPrivilegeThresholdsChanged e) {
            thresholds.putAll(e.thresholds());
        } else if (event instanceof MemberJoinedCommunity e) {
            Member m = member(e.memberId());
            m.displayName = e.displayName();
            m.role = e.role();
            m.joinedAt = e.occurredAt();
            m.left = false;
            m.banned = false;
            m.bannedUntil = null;
            m.banReason = null;
        } else if (event instanceof MemberLeftCommunity e) {
            member(e.memberId()).left = true;
        } else if (event instanceof MemberRoleChanged e) {
            member(e.memberId()).role = e.role();
        } else if (event instanceof MemberSuspended e) {
            Member m = member(e.memberId());
            m.suspendedUntil = e.until();
            m.suspensionReason = e.reason();
        } else if (event instanceof SuspensionLifted e) {
            Member m = member(e.memberId());
            m.suspendedUntil = null;
            m.suspensionReason = null;
        } else if (event instanceof MemberBanned e) {
            boolean known = members.containsKey(e.memberId());
            Member m = member(e.memberId());
            m.banned = true;
            m.bannedUntil = e.until();
            m.banReason = e.reason();
            m.left = false;
            m.suspendedUntil = null;
            m.suspensionReason = null;
            if (!known) {
                m.displayName = e.memberId();
                m.joinedAt = e.occurredAt();
            }
        } else if (event instanceof MemberUnbanned e) {
            Member m = member(e.memberId());
            m.banned = false;
            m.left = true;
            m.bannedUntil = null;
            m.banReason = null;
        }
    }

    private Member member(String memberId) {
        return members.computeIfAbsent(memberId, Member::new);
    }

    /** The members listed at the moment, newest first: not left, and the banned while their ban lasts. */
    List<CommunityMemberView> listed(String communityId, Instant at) {
        return members.values().stream()
                .filter(m -> !m.left && !(m.banned && m.bannedUntil != null && !m.bannedUntil.isAfter(at)))
                .sorted(Comparator.comparing((Member m) -> QuestionFold.millis(m.joinedAt), Comparator.nullsFirst(Comparator.naturalOrder()))
                        .thenComparing(m -> m.id).reversed())
                .map(m -> m.view(communityId, at))
                .toList();
    }

    /** The member's role at the moment while a current, unbanned member (as ReadAccess judges now). */
    Optional<CommunityRole> roleOf(String memberId, Instant at) {
        Member m = members.get(memberId);
        if (m == null || m.role == null || m.left || (m.banned && (m.bannedUntil == null || m.bannedUntil.isAfter(at)))) {
            return Optional.empty();
        }
        return Optional.of(m.role);
    }

    /** The threshold of each privilege in force then (a privilege the community never set keeps Stack Overflow's). */
    int threshold(Privilege privilege) {
        return thresholds.getOrDefault(privilege, privilege.stackOverflowThreshold());
    }

    private static final class Member {
        final String id;
        String displayName;
        CommunityRole role;
        Instant joinedAt;
        boolean left;
        Instant suspendedUntil;
        String suspensionReason;
        boolean banned;
        Instant bannedUntil;
        String banReason;

        Member(String id) {
            this.id = id;
        }

        CommunityMemberView view(String communityId, Instant at) {
            if (banned && (bannedUntil == null || bannedUntil.isAfter(at))) {
                return view(communityId, MemberStatus.BANNED, bannedUntil, banReason);
            }
            if (suspendedUntil != null && suspendedUntil.isAfter(at)) {
                return view(communityId, MemberStatus.SUSPENDED, suspendedUntil, suspensionReason);
            }
            return view(communityId, MemberStatus.ACTIVE, null, null);
        }

        private CommunityMemberView view(String communityId, MemberStatus status, Instant until, String reason) {
            return new CommunityMemberView(communityId, id, displayName == null ? id : displayName, role, status,
                    QuestionFold.millis(until), reason, QuestionFold.millis(joinedAt));
        }
    }
}
