package dev.praxis.command.question;

import dev.praxis.api.community.CommunityRole;
import dev.praxis.api.community.MemberStatus;
import dev.praxis.command.community.CommunityDirectory;
import dev.praxis.command.community.WriteBlock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** The directory as the aggregate tests set it up; the JDBC one is tested against PostgreSQL. */
public class InMemoryCommunityDirectory implements CommunityDirectory {

    private final Map<String, Map<String, CommunityRole>> members = new HashMap<>();
    private final Map<String, WriteBlock> blocks = new HashMap<>();

    public InMemoryCommunityDirectory withMember(String communityId, String memberId) {
        members.computeIfAbsent(communityId, id -> new HashMap<>()).put(memberId, CommunityRole.MEMBER);
        return this;
    }

    /** A suspension or ban of the member in the community (a ban removes the membership, as the directory does). */
    public InMemoryCommunityDirectory withBlock(String communityId, String memberId, MemberStatus status, Instant until) {
        if (status == MemberStatus.BANNED) {
            members.getOrDefault(communityId, new HashMap<>()).remove(memberId);
        }
        blocks.put(communityId + "/" + memberId, new WriteBlock(status, until));
        return this;
    }

    public InMemoryCommunityDirectory withRole(String communityId, String memberId, CommunityRole role) {
        members.computeIfAbsent(communityId, id -> new HashMap<>()).put(memberId, role);
        return this;
    }

    @Override
    public boolean exists(String communityId) {
        return members.containsKey(communityId);
    }

    @Override
    public Optional<CommunityRole> roleOf(String communityId, String memberId) {
        return Optional.ofNullable(members.getOrDefault(communityId, Map.of()).get(memberId));
    }

    @Override
    public Optional<WriteBlock> writeBlock(String communityId, String memberId, Instant now) {
        return Optional.ofNullable(blocks.get(communityId + "/" + memberId))
                .filter(block -> block.until() == null || block.until().isAfter(now));
    }
}
