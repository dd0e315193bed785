package dev.praxis.api.community;

import dev.praxis.api.shared.PraxisCommand;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The owner promotes or demotes a member (MEMBER, MODERATOR, OWNER); a community keeps one owner at least. */
public record ChangeMemberRole(
        @TargetAggregateIdentifier String communityId,
        String memberId,
        CommunityRole role,
        String actorId,
        Instant occurredAt) implements PraxisCommand {
}
