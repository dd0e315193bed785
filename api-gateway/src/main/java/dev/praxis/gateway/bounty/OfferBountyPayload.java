package dev.praxis.gateway.bounty;

import dev.praxis.api.query.BountyView;
import dev.praxis.api.query.QuestionView;

public record OfferBountyPayload(QuestionView question, BountyView bounty, String clientMutationId) {
}
