package dev.praxis.gateway.testing;

import dev.praxis.api.community.CommunityVisibility;
import dev.praxis.api.community.CommunityRole;
import dev.praxis.api.query.AnswerView;
import dev.praxis.api.query.CommunityView;
import dev.praxis.api.query.EndorsementView;
import dev.praxis.api.query.MemberView;
import dev.praxis.api.query.MembershipView;
import dev.praxis.api.query.QuestionView;
import java.time.Instant;
import java.util.List;

/** Read-side views with plausible values, for the backend stub. */
public final class Views {

    public static final Instant T0 = Instant.parse("2025-03-01T09:30:00Z");

    private Views() {
    }

    public static CommunityView community(String id, String name, String createdBy) {
        return new CommunityView(id, name, "All about " + name, createdBy, T0, 3, 0, CommunityVisibility.PUBLIC);
    }

    public static MemberView member(String id, String displayName, MembershipView... memberships) {
        return new MemberView(id, displayName,
                List.of(memberships).stream().mapToInt(MembershipView::reputation).sum(), List.of(memberships));
    }

    public static MembershipView membership(String communityId, CommunityRole role, int reputation) {
        return new MembershipView(communityId, role, reputation, T0);
    }

    public static QuestionView question(String id, String communityId, String authorId, int minutesAfterT0,
            List<String> answerIds) {
        Instant createdAt = T0.plusSeconds(60L * minutesAfterT0);
        return new QuestionView(id, communityId, "How do I " + id + " well?", "Body of " + id, List.of("java"),
                authorId, createdAt, createdAt, 0, answerIds.size(), null, answerIds, 1, null, null, false, false, false,
                null, null);
    }

    public static AnswerView answer(String id, String questionId, String communityId, String authorId,
            EndorsementView... endorsements) {
        return new AnswerView(id, questionId, communityId, "Answer " + id, authorId, T0, 0, false, List.of(endorsements),
                1, null, null, false);
    }
}
