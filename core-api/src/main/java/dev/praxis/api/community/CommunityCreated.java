package dev.praxis.api.community;

import dev.praxis.api.privilege.PrivilegePreset;
import dev.praxis.api.shared.PraxisEvent;
import java.time.Instant;

/** A community was founded by {@code actorId}, with the privilege thresholds of a preset. */
public record CommunityCreated(
        String communityId,
        String name,
        String description,
        PrivilegePreset privilegePreset,
        String actorId,
        Instant occurredAt) implements PraxisEvent {
}
