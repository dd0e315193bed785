package dev.praxis.api.member;

import dev.praxis.api.shared.PraxisCommand;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A member has their personal data erased (the right to erasure). Their key is deleted, so every
 * personal text of theirs in the event store reads as erased from then on; their posts, votes,
 * counts and scores remain, under their (pseudonymous) id. {@code memberId} is the actor: only the
 * member asks for it; an erased member can send no further command.
 */
public record EraseMember(
        @TargetAggregateIdentifier String memberId,
        String actorId,
        Instant occurredAt) implements PraxisCommand {
}
