package dev.praxis.gateway.member;

import dev.praxis.api.query.MemberView;
import dev.praxis.api.query.QuestionView;

public record FollowQuestionPayload(MemberView member, QuestionView question, String clientMutationId) {
}
