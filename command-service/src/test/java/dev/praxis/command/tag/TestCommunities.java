package dev.praxis.command.tag;

import static dev.praxis.command.shared.CommandRejectedException.forbidden;

import dev.praxis.api.community.CommunityRole;
import dev.praxis.api.privilege.Privilege;
import dev.praxis.command.privilege.Privileges;
import dev.praxis.command.question.InMemoryCommunityDirectory;
import java.util.HashMap;
import java.util.Map;

/** In-memory fakes of the community directory and of privileges (Stack Overflow's thresholds) for the tests of tags and members. */
public final class TestCommunities {

    private TestCommunities() {
    }

    /** The shared in-memory directory, with this package's way of naming a member's role. */
    public static class Directory extends InMemoryCommunityDirectory {

        public Directory with(String communityId, String memberId, CommunityRole role) {
            withRole(communityId, memberId, role);
            return this;
        }
    }

    public static class Reputation implements Privileges {

        private final Directory directory;
        private final Map<String, Integer> reputation = new HashMap<>();

        public Reputation(Directory directory) {
            this.directory = directory;
        }

        public Reputation with(String memberId, int points) {
            reputation.put(memberId, points);
            return this;
        }

        @Override
        public int reputationOf(String communityId, String memberId) {
            return reputation.getOrDefault(memberId, 1);
        }

        @Override
        public boolean holds(String communityId, String memberId, Privilege privilege) {
            CommunityRole role = directory.roleOf(communityId, memberId).orElse(null);
            return role == CommunityRole.OWNER || role == CommunityRole.MODERATOR
                    || reputationOf(communityId, memberId) >= privilege.stackOverflowThreshold();
        }

        @Override
        public void require(String communityId, String memberId, Privilege privilege) {
            if (!holds(communityId, memberId, privilege)) {
                throw forbidden("MISSING_PRIVILEGE", "You need " + privilege.stackOverflowThreshold() + " reputation.");
            }
        }
    }
}
