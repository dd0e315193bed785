package dev.praxis.gateway.knowledge;

import static dev.praxis.gateway.schema.Batches.associate;

import dev.praxis.api.query.AnswerView;
import dev.praxis.api.query.CommunityView;
import dev.praxis.api.query.ExpertSuggestionView;
import dev.praxis.api.query.ExpertView;
import dev.praxis.api.query.ExpertiseView;
import dev.praxis.api.query.KnowledgeConnectionView;
import dev.praxis.api.query.KnowledgeEdgeView;
import dev.praxis.api.query.KnowledgeEvidenceView;
import dev.praxis.api.query.KnowledgeNodeView;
import dev.praxis.api.query.KnowledgeRelatedTopicView;
import dev.praxis.api.query.MemberView;
import dev.praxis.api.query.QuestionView;
import dev.praxis.api.query.TagView;
import dev.praxis.api.tag.TagIds;
import dev.praxis.gateway.client.MinPosition;
import dev.praxis.gateway.client.Viewer;
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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/**
 * The knowledge graph: {@code Query.experts}, {@code Query.connection}, {@code Question.suggestedAnswerers},
 * {@code Tag.relatedTags}, {@code Member.expertise} and the fields of their types. Every read names
 * the viewer, so that a private community's experts and evidence reach its members only. The
 * connection fields of questions, tags and members take page arguments, so they are read per
 * parent (as {@code Community.tags} is); the objects inside them are batched per level.
 */
@Controller
class KnowledgeController {

    /** Evidence kinds whose post is an answer. */
    private static final Set<String> ANSWER_EVIDENCE = Set.of("ANSWER_UPVOTE", "ANSWER_DOWNVOTE", "ACCEPTED_ANSWER",
            "ANSWER_ENDORSEMENT", "ANSWERED");
    private static final int MAX_EVIDENCE = 20;

    private final KnowledgeClient knowledge;
    private final QueryServiceClient queries;
    private final PointInTimeClient pointInTime;

    KnowledgeController(KnowledgeClient knowledge, QueryServiceClient queries, PointInTimeClient pointInTime) {
        this.pointInTime = pointInTime;
        this.knowledge = knowledge;
        this.queries = queries;
    }

    @QueryMapping
    Connection<ExpertView> experts(@Argument String communityId, @Argument List<String> topics, @Argument Integer first,
                                   @Argument String after, @Argument Integer evidence, @Argument Instant asOf,
                                   Optional<Actor> actor, GraphQLContext context) {
        PageRequest page = PageRequest.of(first, after);
        String community = GlobalId.rawId(communityId, NodeType.COMMUNITY);
        if (asOf != null) {
            // the ranking as it stood then (dev.praxis.gateway.pointintime)
            return Connection.of(pointInTime.experts(community, topics, evidence(evidence), page.first(), page.after(), asOf,
                    context), page);
        }
        return Connection.of(knowledge.experts(community, topics, evidence(evidence), page, viewer(actor),
                MinPosition.of(context)), page);
    }

    @QueryMapping
    KnowledgeConnectionView connection(@Argument String from, @Argument String to, Optional<Actor> actor,
                                       GraphQLContext context) {
        return knowledge.connection(GlobalId.rawId(from, NodeType.MEMBER), GlobalId.rawId(to, NodeType.MEMBER), viewer(actor),
                MinPosition.of(context)).orElse(null);
    }

    @SchemaMapping(typeName = "Question", field = "suggestedAnswerers")
    Connection<ExpertSuggestionView> suggestedAnswerers(QuestionView question, @Argument Integer first,
                                                        @Argument String after, Optional<Actor> actor, GraphQLContext context) {
        PageRequest page = PageRequest.of(first, after);
        return Connection.of(knowledge.suggestedAnswerers(question.id(), page, viewer(actor), MinPosition.of(context)), page);
    }

    @SchemaMapping(typeName = "Tag", field = "relatedTags")
    Connection<KnowledgeRelatedTopicView> relatedTags(TagView tag, @Argument Integer first, @Argument String after,
                                                      Optional<Actor> actor, GraphQLContext context) {
        PageRequest page = PageRequest.of(first, after);
        return Connection.of(knowledge.relatedTopics(tag.communityId(), tag.name(), page, viewer(actor),
                MinPosition.of(context)), page);
    }

    @SchemaMapping(typeName = "Member", field = "expertise")
    Connection<ExpertiseView> expertise(MemberView member, @Argument Integer first, @Argument String after,
                                        @Argument Integer evidence, Optional<Actor> actor, GraphQLContext context) {
        PageRequest page = PageRequest.of(first, after);
        return Connection.of(knowledge.expertise(member.id(), evidence(evidence), page, viewer(actor),
                MinPosition.of(context)), page);
    }

    // --- the objects inside, batched per level ---

    @BatchMapping(typeName = "Expert", field = "member")
    Callable<Map<ExpertView, MemberView>> expertMember(List<ExpertView> experts, GraphQLContext context) {
        return members(experts, ExpertView::memberId, context);
    }

    @BatchMapping(typeName = "Expert", field = "community")
    Callable<Map<ExpertView, CommunityView>> expertCommunity(List<ExpertView> experts, GraphQLContext context) {
        return communities(experts, ExpertView::communityId, context);
    }

    @BatchMapping(typeName = "Expertise", field = "member")
    Callable<Map<ExpertiseView, MemberView>> expertiseMember(List<ExpertiseView> expertise, GraphQLContext context) {
        return members(expertise, ExpertiseView::memberId, context);
    }

    @BatchMapping(typeName = "Expertise", field = "community")
    Callable<Map<ExpertiseView, CommunityView>> expertiseCommunity(List<ExpertiseView> expertise, GraphQLContext context) {
        return communities(expertise, ExpertiseView::communityId, context);
    }

    @BatchMapping(typeName = "Expertise", field = "tag")
    Callable<Map<ExpertiseView, TagView>> expertiseTag(List<ExpertiseView> expertise, GraphQLContext context) {
        return tags(expertise, e -> TagIds.of(e.communityId(), e.topic()), context);
    }

    @BatchMapping(typeName = "ExpertSuggestion", field = "member")
    Callable<Map<ExpertSuggestionView, MemberView>> suggestedMember(List<ExpertSuggestionView> suggestions,
                                                                  GraphQLContext context) {
        return members(suggestions, ExpertSuggestionView::memberId, context);
    }

    @SchemaMapping(typeName = "RelatedTag", field = "name")
    String relatedTagName(KnowledgeRelatedTopicView related) {
        return related.topic();
    }

    @BatchMapping(typeName = "RelatedTag", field = "tag")
    Callable<Map<KnowledgeRelatedTopicView, TagView>> relatedTag(List<KnowledgeRelatedTopicView> related,
                                                                GraphQLContext context) {
        return tags(related, r -> TagIds.of(r.communityId(), r.topic()), context);
    }

    @BatchMapping(typeName = "KnowledgeEvidence", field = "actor")
    Callable<Map<KnowledgeEvidenceView, MemberView>> evidenceActor(List<KnowledgeEvidenceView> evidence,
                                                                  GraphQLContext context) {
        return members(evidence, KnowledgeEvidenceView::actorId, context);
    }

    @BatchMapping(typeName = "KnowledgeEvidence", field = "community")
    Callable<Map<KnowledgeEvidenceView, CommunityView>> evidenceCommunity(List<KnowledgeEvidenceView> evidence,
                                                                         GraphQLContext context) {
        return communities(evidence, KnowledgeEvidenceView::communityId, context);
    }

    @BatchMapping(typeName = "KnowledgeEvidence", field = "question")
    Callable<Map<KnowledgeEvidenceView, QuestionView>> evidenceQuestion(List<KnowledgeEvidenceView> evidence,
                                                                       GraphQLContext context) {
        MinPosition min = MinPosition.of(context);
        Viewer viewer = Viewer.of(context);
        return () -> {
            Map<String, QuestionView> questions = queries.questionsById(evidence.stream()
                    .map(KnowledgeEvidenceView::questionId).filter(java.util.Objects::nonNull).toList(), viewer, min);
            return associate(evidence, e -> e.questionId() == null ? null : questions.get(e.questionId()));
        };
    }

    @BatchMapping(typeName = "KnowledgeEvidence", field = "answer")
    Callable<Map<KnowledgeEvidenceView, AnswerView>> evidenceAnswer(List<KnowledgeEvidenceView> evidence,
                                                                   GraphQLContext context) {
        MinPosition min = MinPosition.of(context);
        Viewer viewer = Viewer.of(context);
        return () -> {
            List<KnowledgeEvidenceView> ofAnswers = evidence.stream()
                    .filter(e -> e.postId() != null && ANSWER_EVIDENCE.contains(e.kind())).toList();
            Map<String, AnswerView> answers = queries.answersById(ofAnswers.stream().map(KnowledgeEvidenceView::postId).toList(), viewer, min);
            return associate(ofAnswers, e -> answers.get(e.postId()));
        };
    }

    @BatchMapping(typeName = "KnowledgeNode", field = "member")
    Callable<Map<KnowledgeNodeView, MemberView>> nodeMember(List<KnowledgeNodeView> nodes, GraphQLContext context) {
        return members(nodes, n -> "MEMBER".equals(n.kind()) ? n.id() : null, context);
    }

    @BatchMapping(typeName = "KnowledgeNode", field = "question")
    Callable<Map<KnowledgeNodeView, QuestionView>> nodeQuestion(List<KnowledgeNodeView> nodes, GraphQLContext context) {
        MinPosition min = MinPosition.of(context);
        Viewer viewer = Viewer.of(context);
        return () -> {
            Map<String, QuestionView> questions = queries.questionsById(nodes.stream()
                    .filter(n -> "QUESTION".equals(n.kind())).map(KnowledgeNodeView::id).toList(), viewer, min);
            return associate(nodes, n -> "QUESTION".equals(n.kind()) ? questions.get(n.id()) : null);
        };
    }

    @BatchMapping(typeName = "KnowledgeNode", field = "community")
    Callable<Map<KnowledgeNodeView, CommunityView>> nodeCommunity(List<KnowledgeNodeView> nodes, GraphQLContext context) {
        return communities(nodes, KnowledgeNodeView::communityId, context);
    }

    @SchemaMapping(typeName = "KnowledgeNode", field = "topic")
    String nodeTopic(KnowledgeNodeView node) {
        return "TOPIC".equals(node.kind()) ? node.name() : null;
    }

    @BatchMapping(typeName = "KnowledgeEdge", field = "member")
    Callable<Map<KnowledgeEdgeView, MemberView>> edgeMember(List<KnowledgeEdgeView> edges, GraphQLContext context) {
        return members(edges, KnowledgeEdgeView::memberId, context);
    }

    // --- helpers ---

    private <P> Callable<Map<P, MemberView>> members(List<P> parents, Function<P, String> memberId, GraphQLContext context) {
        MinPosition min = MinPosition.of(context);
        Viewer viewer = Viewer.of(context);
        return () -> {
            Map<String, MemberView> members = queries.membersById(parents.stream().map(memberId)
                    .filter(java.util.Objects::nonNull).toList(), viewer, min);
            return associate(parents, p -> memberId.apply(p) == null ? null : members.get(memberId.apply(p)));
        };
    }

    private <P> Callable<Map<P, CommunityView>> communities(List<P> parents, Function<P, String> communityId,
                                                           GraphQLContext context) {
        MinPosition min = MinPosition.of(context);
        Viewer viewer = Viewer.of(context);
        return () -> {
            Map<String, CommunityView> communities = queries.communitiesById(parents.stream().map(communityId)
                    .filter(java.util.Objects::nonNull).toList(), viewer, min);
            return associate(parents, p -> communityId.apply(p) == null ? null : communities.get(communityId.apply(p)));
        };
    }

    private <P> Callable<Map<P, TagView>> tags(List<P> parents, Function<P, String> tagId, GraphQLContext context) {
        MinPosition min = MinPosition.of(context);
        Viewer viewer = Viewer.of(context);
        return () -> {
            Map<String, TagView> tags = queries.tagsById(parents.stream().map(tagId).toList(), viewer, min);
            return associate(parents, p -> tags.get(tagId.apply(p)));
        };
    }

    private static String viewer(Optional<Actor> actor) {
        return actor.map(Actor::id).orElse(null);
    }

    private static int evidence(Integer evidence) {
        int limit = evidence == null ? 5 : evidence;
        if (limit < 0 || limit > MAX_EVIDENCE) {
            throw ClientErrorException.badRequest("INVALID_EVIDENCE_LIMIT",
                    "evidence must be between 0 and " + MAX_EVIDENCE + " (it is " + limit + ").");
        }
        return limit;
    }
}
