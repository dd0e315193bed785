package dev.praxis.api.community;

import dev.praxis.api.privilege.PrivilegePreset;
import dev.praxis.api.shared.PraxisCommand;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Found a community; the actor becomes its owner and first member. {@code privilegePreset} sets
 * the reputation each privilege needs (Stack Overflow's when left out).
 */
public record CreateCommunity(
        @TargetAggregateIdentifier String communityId,
        String name,
        String description,
        PrivilegePreset privilegePreset,
        String actorId,
        String actorName,
        Instant occurredAt) implements PraxisCommand {
}
