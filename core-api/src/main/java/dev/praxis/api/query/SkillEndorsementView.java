package dev.praxis.api.query;

import java.time.Instant;

public record SkillEndorsementView(String endorserId, String note, Instant endorsedAt) {
}
