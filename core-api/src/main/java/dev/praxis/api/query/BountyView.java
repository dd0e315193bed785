package dev.praxis.api.query;

import java.time.Instant;

/** The open bounty on a question. */
public record BountyView(String questionId, int amount, String offeredBy, Instant offeredAt, Instant expiresAt) {
}
