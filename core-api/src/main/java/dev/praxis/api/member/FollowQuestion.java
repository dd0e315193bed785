package dev.praxis.api.member;

import dev.praxis.api.shared.PraxisCommand;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The actor ({@code memberId}) follows a question. */
public record FollowQuestion(
        @TargetAggregateIdentifier String memberId,
        String questionId,
        String actorId,
        Instant occurredAt) implements PraxisCommand {
}
