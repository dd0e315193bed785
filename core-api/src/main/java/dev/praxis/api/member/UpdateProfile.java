package dev.praxis.api.member;

import dev.praxis.api.shared.PraxisCommand;
import java.time.Instant;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The actor sets their own profile: a display name (1 to 80 characters), a Markdown bio (at most 2000) and up to 30 declared skills, named like tags. {@code memberId} is the actor. */
public record UpdateProfile(
        @TargetAggregateIdentifier String memberId,
        String displayName,
        String bio,
        List<String> skills,
        String actorId,
        Instant occurredAt) implements PraxisCommand {
}
