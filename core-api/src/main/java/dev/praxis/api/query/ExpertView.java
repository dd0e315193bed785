package dev.praxis.api.query;

import java.util.List;

/** A member ranked as an expert of one or more topics of a community: the sum of their scores, and the expertise per topic that makes it. */
public record ExpertView(String memberId, String communityId, double score, List<ExpertiseView> topics) {
}
