package dev.praxis.api.community;

import dev.praxis.api.privilege.Privilege;
import dev.praxis.api.privilege.PrivilegePreset;
import dev.praxis.api.shared.PraxisCommand;
import java.time.Instant;
import java.util.Map;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Change a community's settings; a component left null keeps its value. Owners may change all of
 * them; moderators only the description. {@code description} blank clears it. {@code thresholds}
 * sets the reputation of single privileges, on top of {@code privilegePreset} when both are given.
 */
public record ChangeCommunitySettings(
        @TargetAggregateIdentifier String communityId,
        CommunityVisibility visibility,
        PrivilegePreset privilegePreset,
        Map<Privilege, Integer> thresholds,
        String description,
        String actorId,
        Instant occurredAt) implements PraxisCommand {
}
