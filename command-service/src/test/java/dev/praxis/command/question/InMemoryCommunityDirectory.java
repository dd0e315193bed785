package dev.praxis.command.question;

import dev.praxis.api.community.CommunityRole;
import dev.praxis.command.community.CommunityDirectory;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** The directory as the aggregate tests set it up; the JDBC one is tested against PostgreSQL. */
public class InMemoryCommunityDirectory implements CommunityDirectory {

    private final Map<String, Map<String, CommunityRole>> members = new HashMap<>();

    public InMemoryCommunityDirectory withMember(String communityId, String memberId) {
        members.computeIfAbsent(communityId, id -> new HashMap<>()).put(memberId, CommunityRole.MEMBER);
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
}
