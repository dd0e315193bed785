package dev.praxis.api.community;

import dev.praxis.api.privilege.Privilege;
import dev.praxis.api.privilege.PrivilegePreset;
import dev.praxis.api.shared.PraxisEvent;
import java.time.Instant;
import java.util.Map;

/**
 * The owner changed the reputation privileges need: {@code thresholds} are the new thresholds of
 * the privileges named (all of them when a preset was applied); {@code privilegePreset} is the
 * preset applied, null when only single thresholds changed.
 */
public record CommunityPrivilegeThresholdsChanged(
        String communityId,
        PrivilegePreset privilegePreset,
        Map<Privilege, Integer> thresholds,
        String actorId,
        Instant occurredAt) implements PraxisEvent {
}
