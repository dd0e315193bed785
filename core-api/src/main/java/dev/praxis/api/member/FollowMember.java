package dev.praxis.api.member;

import dev.praxis.api.shared.PraxisCommand;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The actor ({@code memberId}) follows another member. */
public record FollowMember(
        @TargetAggregateIdentifier String memberId,
        String followedMemberId,
        String actorId,
        Instant occurredAt) implements PraxisCommand {
}
