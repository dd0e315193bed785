package dev.praxis.api.community;

import com.fasterxml.jackson.annotation.JsonCreator;
import dev.praxis.api.privilege.PrivilegePreset;
import dev.praxis.api.shared.PraxisCommand;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Found a community; the actor becomes its owner and first member. {@code privilegePreset} sets
 * the reputation each privilege needs (Stack Overflow's when left out); {@code visibility} who may
 * join (PUBLIC when left out).
 */
public record CreateCommunity(
        @TargetAggregateIdentifier String communityId,
        String name,
        String description,
        PrivilegePreset privilegePreset,
        CommunityVisibility visibility,
        String actorId,
        String actorName,
        Instant occurredAt) implements PraxisCommand {

    @JsonCreator
    public CreateCommunity {
    }

    /** A community with the default visibility, PUBLIC. */
    public CreateCommunity(String communityId, String name, String description, PrivilegePreset privilegePreset,
                           String actorId, String actorName, Instant occurredAt) {
        this(communityId, name, description, privilegePreset, null, actorId, actorName, occurredAt);
    }
}
