package dev.praxis.api.bounty;

import dev.praxis.api.shared.PraxisCommand;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * End bounty number {@code round} of a question whose time ran out without an award (the command
 * service's scheduler sends it). A bounty that is no longer open ignores it; one not yet due
 * refuses it.
 */
public record ExpireBounty(
        String questionId,
        int round,
        String actorId,
        Instant occurredAt) implements PraxisCommand {

    @TargetAggregateIdentifier
    public String bountyId() {
        return BountyIds.forQuestion(questionId);
    }
}
