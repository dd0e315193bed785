package dev.praxis.api.reputation;

import dev.praxis.api.shared.PraxisCommand;
import java.time.Instant;
import java.util.Map;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Change a community's reputation rules (owners only): start from {@code preset} (the current
 * preset when null) and set the single {@code values} given on top. The community's reputation is
 * then recomputed, on both sides, from its whole history under the new rules.
 */
public record ChangeReputationRules(
        @TargetAggregateIdentifier String communityId,
        ReputationPreset preset,
        Map<ReputationRule, Integer> values,
        String actorId,
        Instant occurredAt) implements PraxisCommand {
}
