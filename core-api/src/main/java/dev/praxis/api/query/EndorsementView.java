package dev.praxis.api.query;

import java.time.Instant;

public record EndorsementView(String memberId, String note, Instant endorsedAt) {
}
