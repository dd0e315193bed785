package dev.praxis.api.query;

import java.util.List;

/** A declared skill and the members who vouched for it. */
public record SkillView(String name, int endorsementCount, List<SkillEndorsementView> endorsements) {
}
