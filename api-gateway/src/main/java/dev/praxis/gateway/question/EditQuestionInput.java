package dev.praxis.gateway.question;

import dev.praxis.gateway.client.MutationInput;
import java.util.List;

public record EditQuestionInput(String questionId, String title, String body, List<String> tags, String comment, String idempotencyKey, String clientMutationId) implements MutationInput {
}
