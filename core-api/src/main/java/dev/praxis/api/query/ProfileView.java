package dev.praxis.api.query;

import java.util.List;

/**
 * A member's profile and follows: the bio, declared skills with their endorsements, whom and what
 * the member follows, and who follows them. A member who never set a profile has an empty one.
 */
public record ProfileView(
        String memberId,
        String bio,
        List<SkillView> skills,
        List<String> followingMemberIds,
        List<TagRefView> followingTags,
        List<String> followingQuestionIds,
        List<String> followerIds) {
}
