package dev.praxis.command.community;

import dev.praxis.api.community.CommunityRole;
import dev.praxis.command.shared.CommandRejectedException;
import java.time.Instant;
import java.util.Optional;

/**
 * What the command side knows about communities outside their own aggregate: whether one exists
 * and who belongs to it. Other aggregates consult it to check membership.
 */
public interface CommunityDirectory {

    boolean exists(String communityId);

    /** The member's role in the community, empty when they are not a member. */
    Optional<CommunityRole> roleOf(String communityId, String memberId);

    /**
     * Why the member may not write in the community at {@code now} (a suspension or a ban that has
     * not ended), empty when nothing blocks them. A ban outranks a suspension. Writers check it
     * before membership, since a banned member is no member any more.
     */
    Optional<WriteBlock> writeBlock(String communityId, String memberId, Instant now);

    /**
     * Refuses, at {@code at}, a member who may not write in the community: banned (FORBIDDEN
     * {@code BANNED}), suspended ({@code SUSPENDED}) or not a member ({@code NOT_A_MEMBER}). Every
     * aggregate that writes in a community asks this one question, so a sanction reaches every act.
     */
    default void requireActiveMember(String communityId, String memberId, Instant at) {
        refuseBlocked(writeBlock(communityId, memberId, at));
        refuseNonMember(roleOf(communityId, memberId));
    }

    /** A member blocked from writing is refused with the block's reason. */
    static void refuseBlocked(Optional<WriteBlock> block) {
        block.ifPresent(b -> {
            throw CommandRejectedException.forbidden(b.status().name(), b.describe());
        });
    }

    /** One who holds no role in the community is no member of it. */
    static void refuseNonMember(Optional<CommunityRole> role) {
        if (role.isEmpty()) {
            throw CommandRejectedException.forbidden("NOT_A_MEMBER", "Only members of the community can do this: join it first.");
        }
    }
}
