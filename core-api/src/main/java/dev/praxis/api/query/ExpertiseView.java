package dev.praxis.api.query;

import java.time.Instant;
import java.util.List;

/**
 * What a member knows of one topic (a tag of a community): the score now (recognised work decayed
 * with age), how many pieces of evidence make it, when the latest happened, and the strongest
 * pieces of evidence (the largest contributions first, at most as many as asked for).
 */
public record ExpertiseView(
        String communityId,
        String topic,
        String memberId,
        double score,
        int evidenceCount,
        Instant lastEvidenceAt,
        List<KnowledgeEvidenceView> evidence) {
}
