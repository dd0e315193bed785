package dev.praxis.gateway.question;

import dev.praxis.api.query.AnswerView;
import dev.praxis.api.query.CommentView;
import dev.praxis.api.query.QuestionView;

public record CommentPayload(CommentView comment, QuestionView question, AnswerView answer, String clientMutationId) {
}
