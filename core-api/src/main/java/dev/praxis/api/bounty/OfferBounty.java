package dev.praxis.api.bounty;

import dev.praxis.api.shared.PraxisCommand;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Offer a bounty of {@code amount} reputation (50 to 500, in steps of 50) on a question. The
 * command targets the question's bounty aggregate, {@link BountyIds#forQuestion}.
 */
public record OfferBounty(
        String questionId,
        int amount,
        String actorId,
        Instant occurredAt) implements PraxisCommand {

    @TargetAggregateIdentifier
    public String bountyId() {
        return BountyIds.forQuestion(questionId);
    }
}
