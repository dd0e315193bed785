package dev.praxis.api.member;

import dev.praxis.api.shared.PraxisCommand;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The actor ({@code memberId}) stops following a member. */
public record UnfollowMember(
        @TargetAggregateIdentifier String memberId,
        String followedMemberId,
        String actorId,
        Instant occurredAt) implements PraxisCommand {
}
