package dev.praxis.api.member;

import dev.praxis.api.shared.PraxisCommand;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The actor withdraws their endorsement of a member's skill. */
public record WithdrawSkillEndorsement(
        @TargetAggregateIdentifier String memberId,
        String skill,
        String actorId,
        Instant occurredAt) implements PraxisCommand {
}
