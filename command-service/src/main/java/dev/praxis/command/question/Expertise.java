package dev.praxis.command.question;

import java.util.Collection;

/**
 * Who counts as an expert: a member whose answers in a community have earned, in one of the given
 * tags, at least the configured score ({@code praxis.expertise.min-tag-score}, default 10).
 */
public interface Expertise {

    boolean isExpertInAny(String communityId, String memberId, Collection<String> tags);
}
