package dev.praxis.api.member;

import dev.praxis.api.shared.PraxisCommand;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The actor ({@code memberId}) follows a tag of a community. */
public record FollowTag(
        @TargetAggregateIdentifier String memberId,
        String communityId,
        String tag,
        String actorId,
        Instant occurredAt) implements PraxisCommand {
}
