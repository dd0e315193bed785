package dev.praxis.gateway.flag;

import dev.praxis.api.flag.FlagDecision;
import dev.praxis.gateway.client.MutationInput;

public record ReviewFlagInput(String postId, FlagDecision decision, String note, String idempotencyKey, String clientMutationId)
        implements MutationInput {
}
