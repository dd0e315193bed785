package dev.praxis.api.member;

import dev.praxis.api.shared.PraxisCommand;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The actor vouches for a skill that the member ({@code memberId}) declared, with an optional note (at most 500 characters). */
public record EndorseSkill(
        @TargetAggregateIdentifier String memberId,
        String skill,
        String note,
        String actorId,
        Instant occurredAt) implements PraxisCommand {
}
