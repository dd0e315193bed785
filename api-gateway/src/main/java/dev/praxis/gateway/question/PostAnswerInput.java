package dev.praxis.gateway.question;

public record PostAnswerInput(String questionId, String body, String clientMutationId) {
}
