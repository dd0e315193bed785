package dev.praxis.api.query;

import java.time.Instant;
import java.util.List;

/**
 * A member suggested to answer a question: {@code score} = {@code expertise} (their scores in the
 * question's tags) + {@code recentActivity} (per tag, 1 for work in it today, halving every 14
 * days), the latest activity in those tags, and the expertise per tag that explains it.
 */
public record ExpertSuggestionView(
        String memberId,
        String questionId,
        double score,
        double expertise,
        double recentActivity,
        Instant lastActiveAt,
        List<ExpertiseView> topics) {
}
