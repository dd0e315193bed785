package dev.praxis.gateway.reputation;

import dev.praxis.api.query.CommunityView;
import dev.praxis.api.query.ReputationRulesView;

/** The answer of {@code changeReputationRules}: the community and the rules now in force. */
public record ChangeReputationRulesPayload(CommunityView community, ReputationRulesView rules, String clientMutationId) {
}
