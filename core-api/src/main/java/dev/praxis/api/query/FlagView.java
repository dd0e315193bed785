package dev.praxis.api.query;

import dev.praxis.api.flag.FlagReason;
import java.time.Instant;

/** One member's open flag on a post. */
public record FlagView(String memberId, FlagReason reason, String text, Instant flaggedAt) {
}
