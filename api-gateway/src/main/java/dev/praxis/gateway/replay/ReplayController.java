package dev.praxis.gateway.replay;

import dev.praxis.api.query.CommunityView;
import dev.praxis.api.query.MemberView;
import dev.praxis.api.query.ReplayView;
import dev.praxis.api.query.ReputationComparisonView;
import dev.praxis.gateway.client.MinPosition;
import dev.praxis.gateway.client.QueryServiceClient;
import dev.praxis.gateway.client.Viewer;
import dev.praxis.gateway.error.ClientErrorException;
import dev.praxis.gateway.relay.Connection;
import dev.praxis.gateway.relay.PageRequest;
import dev.praxis.gateway.schema.Batches;
import graphql.GraphQLContext;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/**
 * Replays and the reputation comparison in the public API ({@code replay.graphqls}):
 * {@code startReplay} (role {@code operator}), {@code replay(id)} and {@code replays} (roles
 * {@code operator} or {@code auditor}), and {@code Community.reputationComparison} (the community's
 * owner and moderators, judged by the query service, and auditors).
 */
@Controller
class ReplayController {

    private final ReplayClient replays;
    private final QueryServiceClient queries;

    ReplayController(ReplayClient replays, QueryServiceClient queries) {
        this.replays = replays;
        this.queries = queries;
    }

    @MutationMapping
    ReplayInputs.StartReplayPayload startReplay(@Argument ReplayInputs.StartReplayInput input) {
        Roles.require("Starting a replay", Roles.OPERATOR);
        return new ReplayInputs.StartReplayPayload(replays.start(input.projections()), input.clientMutationId());
    }

    @QueryMapping
    ReplayView replay(@Argument String id) {
        Roles.require("Following a replay", Roles.OPERATOR, Roles.AUDITOR);
        return replays.replay(id);
    }

    @QueryMapping(name = "replays")
    List<ReplayView> latestReplays() {
        Roles.require("Listing replays", Roles.OPERATOR, Roles.AUDITOR);
        return replays.latest();
    }

    @SchemaMapping(typeName = "Community", field = "reputationComparison")
    Connection<ReputationComparisonView> reputationComparison(CommunityView community,
                                                             @Argument ReplayInputs.ReputationRulesInput rules,
                                                             @Argument Integer first, @Argument String after,
                                                             GraphQLContext context) {
        if (Roles.current() == null) {
            throw ClientErrorException.unauthorized("AUTHENTICATION_REQUIRED", "Sign in first: this field needs a bearer token.");
        }
        List<String> values = new ArrayList<>();
        Set<Object> seen = new HashSet<>();
        if (rules.values() != null) {
            for (ReplayInputs.RuleValue value : rules.values()) {
                if (!seen.add(value.rule())) {
                    throw ClientErrorException.badRequest("DUPLICATE_RULE", "Each rule may be given once (" + value.rule() + ").");
                }
                values.add(value.rule().name() + ":" + value.value());
            }
        }
        PageRequest page = PageRequest.of(first, after);
        return Connection.of(replays.comparison(community.id(), rules.preset(), values, page.first(), page.after(),
                Viewer.of(context).id(), Roles.has(Roles.AUDITOR), MinPosition.of(context)), page);
    }

    @BatchMapping(typeName = "ReputationComparison", field = "member")
    Callable<Map<ReputationComparisonView, MemberView>> member(List<ReputationComparisonView> rows, GraphQLContext context) {
        MinPosition min = MinPosition.of(context);
        Viewer viewer = Viewer.of(context);
        return () -> {
            Map<String, MemberView> members = queries.membersById(rows.stream().map(ReputationComparisonView::memberId).toList(),
                    viewer, min);
            return Batches.associate(rows, row -> members.get(row.memberId()));
        };
    }
}
