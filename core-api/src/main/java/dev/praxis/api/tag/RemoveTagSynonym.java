package dev.praxis.api.tag;

import dev.praxis.api.shared.PraxisCommand;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Stop mapping {@code synonym} to the tag {@code name}. */
public record RemoveTagSynonym(
        @TargetAggregateIdentifier String tagId,
        String communityId,
        String name,
        String synonym,
        String actorId,
        Instant occurredAt) implements PraxisCommand {
}
