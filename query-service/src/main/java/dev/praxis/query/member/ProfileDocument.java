package dev.praxis.query.member;

import dev.praxis.api.query.ProfileView;
import dev.praxis.api.query.SkillEndorsementView;
import dev.praxis.api.query.SkillView;
import dev.praxis.api.query.TagRefView;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.springframework.data.annotation.Id;

/**
 * A member's profile in the {@code member_profiles} collection: bio, declared skills and the
 * endorsements given to them, what the member follows and who follows them.
 */
record ProfileDocument(
        @Id String id,
        String bio,
        List<String> skills,
        List<Endorsement> endorsements,
        List<String> followingMembers,
        List<TagRef> followingTags,
        List<String> followingQuestions,
        List<String> followers) {

    static final String COLLECTION = "member_profiles";

    record Endorsement(String skill, String endorserId, String note, Instant endorsedAt) {
    }

    record TagRef(String communityId, String name) {
    }

    static ProfileView empty(String memberId) {
        return new ProfileView(memberId, null, List.of(), List.of(), List.of(), List.of(), List.of());
    }

    ProfileView view() {
        List<Endorsement> given = orEmpty(endorsements);
        List<SkillView> skillViews = orEmpty(skills).stream().map(skill -> {
            List<SkillEndorsementView> of = given.stream()
                    .filter(e -> skill.equals(e.skill()))
                    .sorted(Comparator.comparing(Endorsement::endorsedAt, Comparator.nullsLast(Comparator.naturalOrder())))
                    .map(e -> new SkillEndorsementView(e.endorserId(), e.note(), e.endorsedAt()))
                    .toList();
            return new SkillView(skill, of.size(), of);
        }).toList();
        return new ProfileView(id, bio, skillViews, orEmpty(followingMembers),
                orEmpty(followingTags).stream().map(t -> new TagRefView(t.communityId(), t.name())).toList(),
                orEmpty(followingQuestions), orEmpty(followers));
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
