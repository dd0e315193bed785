package dev.praxis.command.community;

import dev.praxis.api.community.CommunityRole;
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
}
