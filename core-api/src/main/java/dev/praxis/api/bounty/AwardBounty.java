package dev.praxis.api.bounty;

import dev.praxis.api.shared.PraxisCommand;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Award the open bounty of a question to one of its answers (the member who offered it). */
public record AwardBounty(
        String questionId,
        String answerId,
        String actorId,
        Instant occurredAt) implements PraxisCommand {

    @TargetAggregateIdentifier
    public String bountyId() {
        return BountyIds.forQuestion(questionId);
    }
}
