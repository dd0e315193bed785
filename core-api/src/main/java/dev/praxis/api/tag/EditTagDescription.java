package dev.praxis.api.tag;

import dev.praxis.api.shared.PraxisCommand;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Set a tag's description (empty to clear it). */
public record EditTagDescription(
        @TargetAggregateIdentifier String tagId,
        String communityId,
        String name,
        String description,
        String actorId,
        Instant occurredAt) implements PraxisCommand {
}
