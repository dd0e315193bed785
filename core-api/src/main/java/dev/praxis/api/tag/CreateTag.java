package dev.praxis.api.tag;

import dev.praxis.api.shared.PraxisCommand;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Create a tag in a community, with an optional description. {@code tagId} is {@code TagIds.of(communityId, name)}. */
public record CreateTag(
        @TargetAggregateIdentifier String tagId,
        String communityId,
        String name,
        String description,
        String actorId,
        Instant occurredAt) implements PraxisCommand {
}
