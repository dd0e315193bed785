package dev.praxis.api.member;

import dev.praxis.api.shared.PraxisEvent;
import java.time.Instant;

/**
 * A member's personal data was erased: their data key is gone, and every read model replaces what
 * it showed of them (name, bio, messages, reasons about them) with the erased marker.
 */
public record MemberErased(
        String memberId,
        String actorId,
        Instant occurredAt) implements PraxisEvent {
}
