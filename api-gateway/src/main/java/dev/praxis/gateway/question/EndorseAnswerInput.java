package dev.praxis.gateway.question;

public record EndorseAnswerInput(String answerId, String note, String clientMutationId) {
}
