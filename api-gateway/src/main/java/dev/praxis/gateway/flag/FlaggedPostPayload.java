package dev.praxis.gateway.flag;

import dev.praxis.api.query.AnswerView;
import dev.praxis.api.query.QuestionView;

/** The payload of flagPost and reviewFlag: the post, as its question and (for an answer) the answer. */
public record FlaggedPostPayload(QuestionView question, AnswerView answer, String clientMutationId) {
}
