package dev.praxis.gateway.flag;

import static dev.praxis.gateway.schema.Batches.associate;

import dev.praxis.api.flag.FlagPost;
import dev.praxis.api.flag.ReviewFlag;
import dev.praxis.api.query.AnswerView;
import dev.praxis.api.query.CommentView;
import dev.praxis.api.query.CommunityView;
import dev.praxis.api.query.FlagView;
import dev.praxis.api.query.MemberView;
import dev.praxis.api.query.ModerationItemView;
import dev.praxis.api.query.QuestionView;
import dev.praxis.api.question.PostKind;
import dev.praxis.api.shared.PraxisCommand;
import dev.praxis.gateway.client.MinPosition;
import dev.praxis.gateway.client.UnreadableTargets;
import dev.praxis.gateway.client.Viewer;
import dev.praxis.gateway.client.MutationInput;
import dev.praxis.gateway.client.Mutations;
import dev.praxis.gateway.client.QueryServiceClient;
import dev.praxis.gateway.relay.Connection;
import dev.praxis.gateway.relay.GlobalId;
import dev.praxis.gateway.relay.NodeType;
import dev.praxis.gateway.relay.PageRequest;
import dev.praxis.gateway.security.Actor;
import graphql.GraphQLContext;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/**
 * Flags and the moderation queue: the {@code flagPost} and {@code reviewFlag} mutations,
 * {@code Community.moderationQueue} (moderators and owners only) and the fields of
 * {@code FlaggedPost} and {@code Flag}.
 */
@Controller
class FlagController {

    private final Mutations mutations;
    private final QueryServiceClient queries;

    FlagController(Mutations mutations, QueryServiceClient queries) {
        this.mutations = mutations;
        this.queries = queries;
    }

    @MutationMapping
    FlaggedPostPayload flagPost(@Argument FlagPostInput input, Actor actor, GraphQLContext context) {
        return sendOnPost(input.postId(), input, actor, context,
                postId -> new FlagPost(postId, input.reason(), input.text(), actor.id(), null));
    }

    @MutationMapping
    FlaggedPostPayload reviewFlag(@Argument ReviewFlagInput input, Actor actor, GraphQLContext context) {
        return sendOnPost(input.postId(), input, actor, context,
                postId -> new ReviewFlag(postId, input.decision(), input.note(), actor.id(), null));
    }

    private boolean readable(GlobalId post, Viewer viewer, MinPosition min) {
        return switch (post.type()) {
            case QUESTION -> queries.question(post.rawId(), viewer, min).isPresent();
            case COMMENT -> queries.commentsById(List.of(post.rawId()), viewer, min).containsKey(post.rawId());
            default -> queries.answersById(List.of(post.rawId()), viewer, min).containsKey(post.rawId());
        };
    }

    private FlaggedPostPayload sendOnPost(String globalPostId, MutationInput input, Actor actor, GraphQLContext context,
                                          Function<String, PraxisCommand> command) {
        GlobalId post = GlobalId.decode(globalPostId, NodeType.QUESTION, NodeType.ANSWER, NodeType.COMMENT);
        MinPosition min = UnreadableTargets.hidden(() -> mutations.send(command.apply(post.rawId()), input, actor, context),
                () -> readable(post, Viewer.of(context), MinPosition.of(context)), "UNKNOWN_POST", "post");
        Viewer viewer = Viewer.of(context);
        if (post.type() == NodeType.QUESTION) {
            return new FlaggedPostPayload(queries.question(post.rawId(), viewer, min).orElse(null), null, input.clientMutationId());
        }
        if (post.type() == NodeType.COMMENT) {
            CommentView comment = queries.commentsById(List.of(post.rawId()), viewer, min).get(post.rawId());
            QuestionView question = comment == null ? null : queries.question(comment.questionId(), viewer, min).orElse(null);
            return new FlaggedPostPayload(question, null, input.clientMutationId());
        }
        AnswerView answer = queries.answersById(List.of(post.rawId()), viewer, min).get(post.rawId());
        QuestionView question = answer == null ? null : queries.question(answer.questionId(), viewer, min).orElse(null);
        return new FlaggedPostPayload(question, answer, input.clientMutationId());
    }

    /**
     * The community's moderation queue: UNAUTHORIZED for an anonymous caller; the query service
     * refuses anyone who does not moderate the community (FORBIDDEN / NOT_A_MODERATOR).
     */
    @SchemaMapping(typeName = "Community", field = "moderationQueue")
    Connection<ModerationItemView> moderationQueue(CommunityView community, @Argument Integer first,
                                                   @Argument String after, Actor actor, GraphQLContext context) {
        PageRequest page = PageRequest.of(first, after);
        return Connection.of(queries.moderationQueue(community.id(), page.first(), page.after(), Viewer.of(actor),
                MinPosition.of(context)), page);
    }

    @SchemaMapping(typeName = "FlaggedPost", field = "postId")
    String postId(ModerationItemView item) {
        NodeType type = switch (item.postKind()) {
            case QUESTION -> NodeType.QUESTION;
            case ANSWER -> NodeType.ANSWER;
            case COMMENT -> NodeType.COMMENT;
        };
        return GlobalId.encode(type, item.postId());
    }

    @BatchMapping(typeName = "FlaggedPost", field = "comment")
    Callable<Map<ModerationItemView, CommentView>> comment(List<ModerationItemView> items, GraphQLContext context) {
        MinPosition min = MinPosition.of(context);
        Viewer viewer = Viewer.of(context);
        return () -> {
            Map<String, CommentView> comments = queries.commentsById(items.stream()
                    .filter(item -> item.postKind() == PostKind.COMMENT).map(ModerationItemView::postId).toList(), viewer, min);
            return associate(items, item -> item.postKind() == PostKind.COMMENT ? comments.get(item.postId()) : null);
        };
    }

    @BatchMapping(typeName = "FlaggedPost", field = "question")
    Callable<Map<ModerationItemView, QuestionView>> question(List<ModerationItemView> items, GraphQLContext context) {
        MinPosition min = MinPosition.of(context);
        Viewer viewer = Viewer.of(context);
        return () -> {
            Map<String, QuestionView> questions = queries.questionsById(
                    items.stream().map(ModerationItemView::questionId).toList(), viewer, min);
            return associate(items, item -> questions.get(item.questionId()));
        };
    }

    @BatchMapping(typeName = "FlaggedPost", field = "answer")
    Callable<Map<ModerationItemView, AnswerView>> answer(List<ModerationItemView> items, GraphQLContext context) {
        MinPosition min = MinPosition.of(context);
        Viewer viewer = Viewer.of(context);
        return () -> {
            Map<String, AnswerView> answers = queries.answersById(items.stream()
                    .filter(item -> item.postKind() == PostKind.ANSWER).map(ModerationItemView::postId).toList(), viewer, min);
            return associate(items, item -> item.postKind() == PostKind.ANSWER ? answers.get(item.postId()) : null);
        };
    }

    @BatchMapping(typeName = "FlaggedPost", field = "author")
    Callable<Map<ModerationItemView, MemberView>> author(List<ModerationItemView> items, GraphQLContext context) {
        MinPosition min = MinPosition.of(context);
        Viewer viewer = Viewer.of(context);
        return () -> {
            Map<String, MemberView> members = queries.membersById(
                    items.stream().map(ModerationItemView::postAuthorId).toList(), viewer, min);
            return associate(items, item -> members.get(item.postAuthorId()));
        };
    }

    @BatchMapping(typeName = "Flag", field = "flaggedBy")
    Callable<Map<FlagView, MemberView>> flaggedBy(List<FlagView> flags, GraphQLContext context) {
        MinPosition min = MinPosition.of(context);
        Viewer viewer = Viewer.of(context);
        return () -> {
            Map<String, MemberView> members = queries.membersById(
                    flags.stream().map(FlagView::memberId).filter(Objects::nonNull).toList(), viewer, min);
            return associate(flags, flag -> members.get(flag.memberId()));
        };
    }
}
