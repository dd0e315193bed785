package dev.praxis.gateway.reputation;

import static dev.praxis.gateway.schema.Batches.associate;

import dev.praxis.api.query.CommunityPrivilegesView;
import dev.praxis.api.query.CommunityView;
import dev.praxis.api.query.LeaderboardEntryView;
import dev.praxis.api.query.MemberView;
import dev.praxis.api.query.QuestionView;
import dev.praxis.api.query.ReputationChangeView;
import dev.praxis.api.query.ReputationRulesView;
import dev.praxis.api.query.ReputationView;
import dev.praxis.api.reputation.ChangeReputationRules;
import dev.praxis.api.reputation.ReputationRule;
import dev.praxis.gateway.client.MinPosition;
import dev.praxis.gateway.client.Viewer;
import dev.praxis.gateway.client.Mutations;
import dev.praxis.gateway.client.QueryServiceClient;
import dev.praxis.gateway.error.ClientErrorException;
import dev.praxis.gateway.relay.Connection;
import dev.praxis.gateway.relay.GlobalId;
import dev.praxis.gateway.relay.NodeType;
import dev.praxis.gateway.relay.PageRequest;
import dev.praxis.gateway.security.Actor;
import dev.praxis.gateway.pointintime.PointInTimeClient;
import graphql.GraphQLContext;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.dataloader.BatchLoaderEnvironment;
import org.dataloader.DataLoader;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import java.util.concurrent.Callable;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/**
 * Reputation in the public API: {@code Member.reputationSummary} and {@code reputationHistory},
 * {@code Community.viewerPrivileges}, {@code leaderboard} and {@code reputationRules}, the
 * {@code changeReputationRules} mutation, and the fields of their types. Reads name the viewer, so
 * that a private community's figures reach its members only.
 */
@Controller
class ReputationController {

    private final Mutations mutations;
    private final QueryServiceClient queries;
    private final ReputationClient reputation;

    private final PointInTimeClient pointInTime;

    ReputationController(Mutations mutations, QueryServiceClient queries, ReputationClient reputation,
                         PointInTimeClient pointInTime, BatchLoaderRegistry loaders) {
        this.mutations = mutations;
        this.queries = queries;
        this.reputation = reputation;
        this.pointInTime = pointInTime;
        loaders.forTypePair(MemberView.class, ReputationView.class).registerMappedBatchLoader(this::summaries);
    }

    @MutationMapping
    ChangeReputationRulesPayload changeReputationRules(@Argument ChangeReputationRulesInput input, Actor actor,
                                                       GraphQLContext context) {
        String communityId = GlobalId.rawId(input.communityId(), NodeType.COMMUNITY);
        Map<ReputationRule, Integer> values = null;
        if (input.values() != null) {
            values = new EnumMap<>(ReputationRule.class);
            for (ChangeReputationRulesInput.RuleValue value : input.values()) {
                if (values.put(value.rule(), value.value()) != null) {
                    throw ClientErrorException.badRequest("DUPLICATE_RULE", "Each rule may be given once (" + value.rule() + ").");
                }
            }
        }
        MinPosition min = mutations.send(new ChangeReputationRules(communityId, input.preset(), values, actor.id(), null),
                input, actor, context);
        List<ReputationRulesView> rules = reputation.rules(communityId, actor.id(), min);
        return new ChangeReputationRulesPayload(queries.community(communityId, Viewer.of(actor), min).orElse(null),
                rules.isEmpty() ? null : rules.get(0), input.clientMutationId());
    }

    /**
     * Now: batched over the members of a response (one call). With {@code asOf}: the figure of that
     * moment, one point-in-time read per member (dev.praxis.gateway.pointintime).
     */
    @SchemaMapping(typeName = "Member", field = "reputationSummary")
    CompletableFuture<ReputationView> reputationSummary(MemberView member, @Argument Instant asOf,
                                                        DataLoader<MemberView, ReputationView> summaries, GraphQLContext context) {
        if (asOf != null) {
            return CompletableFuture.completedFuture(pointInTime.reputation(member.id(), asOf, context));
        }
        return summaries.load(member);
    }

    /** The batch of present figures behind {@code reputationSummary}: one call for the members of a response. */
    private Mono<Map<MemberView, ReputationView>> summaries(Set<MemberView> members, BatchLoaderEnvironment environment) {
        GraphQLContext context = environment.getContext();
        MinPosition min = MinPosition.of(context);
        String viewer = Viewer.of(context).id();
        return Mono.fromCallable(() -> {
            Map<String, ReputationView> views = reputation.reputations(members.stream().map(MemberView::id).toList(), viewer, min);
            return associate(members, member -> views.getOrDefault(member.id(), new ReputationView(member.id(), 1, List.of())));
        }).subscribeOn(Schedulers.boundedElastic());
    }

    @SchemaMapping(typeName = "Member", field = "reputationHistory")
    Connection<ReputationChangeView> reputationHistory(MemberView member, @Argument String communityId,
                                                       @Argument Integer first, @Argument String after,
                                                       Optional<Actor> actor, GraphQLContext context) {
        PageRequest page = PageRequest.of(first, after);
        String community = communityId == null ? null : GlobalId.rawId(communityId, NodeType.COMMUNITY);
        return Connection.of(reputation.history(member.id(), community, page.first(), page.after(),
                actor.map(Actor::id).orElse(null), MinPosition.of(context)), page);
    }

    /** With {@code asOf}, what the viewer could do at that moment (dev.praxis.gateway.pointintime). */
    @SchemaMapping(typeName = "Community", field = "viewerPrivileges")
    CommunityPrivilegesView viewerPrivileges(CommunityView community, @Argument Instant asOf, Optional<Actor> actor,
                                             GraphQLContext context) {
        if (asOf != null) {
            return actor.map(viewer -> pointInTime.privileges(community.id(), viewer.id(), asOf, context)).orElse(null);
        }
        return actor.map(viewer -> reputation.privileges(community.id(), viewer.id(), viewer.id(), MinPosition.of(context)))
                .orElse(null);
    }

    @SchemaMapping(typeName = "Community", field = "leaderboard")
    Connection<LeaderboardEntryView> leaderboard(CommunityView community, @Argument String period, @Argument String tag,
                                                 @Argument Instant at, @Argument Integer first, @Argument String after,
                                                 Optional<Actor> actor, GraphQLContext context) {
        PageRequest page = PageRequest.of(first, after);
        return Connection.of(reputation.leaderboard(community.id(), period == null ? "ALL_TIME" : period, tag, at,
                page.first(), page.after(), actor.map(Actor::id).orElse(null), MinPosition.of(context)), page);
    }

    @SchemaMapping(typeName = "Community", field = "reputationRules")
    List<ReputationRulesView> reputationRules(CommunityView community, Optional<Actor> actor, GraphQLContext context) {
        return reputation.rules(community.id(), actor.map(Actor::id).orElse(null), MinPosition.of(context));
    }

    /** A rules version's values as a list, in the order of the rules. */
    @SchemaMapping(typeName = "ReputationRulesVersion", field = "values")
    List<RuleValueView> values(ReputationRulesView rules) {
        return rules.values().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> new RuleValueView(e.getKey(), e.getValue())).toList();
    }

    /** One value of a rules version. */
    record RuleValueView(ReputationRule rule, int value) {
    }

    @BatchMapping(typeName = "ReputationRulesVersion", field = "changedBy")
    Callable<Map<ReputationRulesView, MemberView>> changedBy(List<ReputationRulesView> versions, GraphQLContext context) {
        MinPosition min = MinPosition.of(context);
        Viewer viewer = Viewer.of(context);
        return () -> {
            Map<String, MemberView> members = queries.membersById(
                    versions.stream().map(ReputationRulesView::changedBy).filter(java.util.Objects::nonNull).toList(), viewer, min);
            return associate(versions, version -> version.changedBy() == null ? null : members.get(version.changedBy()));
        };
    }

    @BatchMapping(typeName = "CommunityReputation", field = "community")
    Callable<Map<ReputationView.CommunityReputationView, CommunityView>> communityOfFigure(
            List<ReputationView.CommunityReputationView> figures, GraphQLContext context) {
        MinPosition min = MinPosition.of(context);
        Viewer viewer = Viewer.of(context);
        return () -> {
            Map<String, CommunityView> communities = queries.communitiesById(
                    figures.stream().map(ReputationView.CommunityReputationView::communityId).toList(), viewer, min);
            return associate(figures, figure -> communities.get(figure.communityId()));
        };
    }

    @BatchMapping(typeName = "ReputationChange", field = "community")
    Callable<Map<ReputationChangeView, CommunityView>> communityOfChange(List<ReputationChangeView> changes,
                                                                        GraphQLContext context) {
        MinPosition min = MinPosition.of(context);
        Viewer viewer = Viewer.of(context);
        return () -> {
            Map<String, CommunityView> communities = queries.communitiesById(
                    changes.stream().map(ReputationChangeView::communityId).toList(), viewer, min);
            return associate(changes, change -> communities.get(change.communityId()));
        };
    }

    @BatchMapping(typeName = "ReputationChange", field = "question")
    Callable<Map<ReputationChangeView, QuestionView>> questionOfChange(List<ReputationChangeView> changes,
                                                                      GraphQLContext context) {
        MinPosition min = MinPosition.of(context);
        Viewer viewer = Viewer.of(context);
        return () -> {
            Map<String, QuestionView> questions = queries.questionsById(
                    changes.stream().map(ReputationChangeView::questionId).filter(java.util.Objects::nonNull).toList(), viewer, min);
            return associate(changes, change -> change.questionId() == null ? null : questions.get(change.questionId()));
        };
    }

    @BatchMapping(typeName = "LeaderboardEntry", field = "member")
    Callable<Map<LeaderboardEntryView, MemberView>> memberOfEntry(List<LeaderboardEntryView> entries, GraphQLContext context) {
        MinPosition min = MinPosition.of(context);
        Viewer viewer = Viewer.of(context);
        return () -> {
            Map<String, MemberView> members = queries.membersById(entries.stream().map(LeaderboardEntryView::memberId).toList(), viewer, min);
            return associate(entries, entry -> members.get(entry.memberId()));
        };
    }
}
