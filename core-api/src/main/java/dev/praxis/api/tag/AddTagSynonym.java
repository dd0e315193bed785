package dev.praxis.api.tag;

import dev.praxis.api.shared.PraxisCommand;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Make {@code synonym} a synonym of the tag {@code name}: questions asked with the synonym get the tag. */
public record AddTagSynonym(
        @TargetAggregateIdentifier String tagId,
        String communityId,
        String name,
        String synonym,
        String actorId,
        Instant occurredAt) implements PraxisCommand {
}
