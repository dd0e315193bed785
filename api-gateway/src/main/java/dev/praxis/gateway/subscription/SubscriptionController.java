package dev.praxis.gateway.subscription;

import dev.praxis.api.query.AnswerView;
import dev.praxis.api.query.CommentView;
import dev.praxis.api.query.MemberView;
import dev.praxis.api.query.QuestionView;
import dev.praxis.api.query.CommunityView;
import dev.praxis.gateway.client.MinPosition;
import dev.praxis.gateway.error.ClientErrorException;
import dev.praxis.gateway.client.Viewer;
import dev.praxis.gateway.client.QueryServiceClient;
import dev.praxis.gateway.relay.GlobalId;
import dev.praxis.gateway.relay.NodeType;
import graphql.GraphQLContext;
import java.util.List;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.data.method.annotation.SubscriptionMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Flux;

/**
 * The subscriptions {@code questionChanged}, {@code communityActivity} and {@code notificationReceived},
 * and the fields of their
 * events. Each event is executed on its own, so its fields read one object each (by the batch
 * endpoints, with the change's position as {@code minPosition}: what a client reads reflects at
 * least the change it was told about); nested fields of those objects batch as everywhere.
 *
 * <p>Another topic of the change feed becomes a subscription in a few lines: a method here that
 * follows {@code "<type>:<key>"} and maps each change to its event type.
 */
@Controller
class SubscriptionController {

    private final ChangeStream changes;
    private final QueryServiceClient queries;

    SubscriptionController(ChangeStream changes, QueryServiceClient queries) {
        this.changes = changes;
        this.queries = queries;
    }

    @SubscriptionMapping
    Flux<QuestionChange> questionChanged(@Argument String id, @Argument String after, GraphQLContext context) {
        String questionId = GlobalId.rawId(id, NodeType.QUESTION);
        Long from = ChangeCursor.decode(after);
        return changes.follow("question:" + questionId, from, Subscriber.of(context)).map(QuestionChange::of);
    }

    @SubscriptionMapping
    Flux<CommunityActivity> communityActivity(@Argument String communityId, @Argument String after, GraphQLContext context) {
        String community = GlobalId.rawId(communityId, NodeType.COMMUNITY);
        Long from = ChangeCursor.decode(after);
        return changes.follow("community:" + community, from, Subscriber.of(context)).map(CommunityActivity::of);
    }

    /** The viewer's own notifications as they arrive; only for a signed-in member. */
    @SubscriptionMapping
    Flux<NotificationReceived> notificationReceived(@Argument String after, GraphQLContext context) {
        Subscriber subscriber = Subscriber.of(context);
        if (subscriber.member().isEmpty()) {
            return Flux.error(ClientErrorException.unauthorized("SIGN_IN_REQUIRED",
                    "Sign in (connection_init with a bearer token) to follow your notifications."));
        }
        Long from = ChangeCursor.decode(after);
        return changes.follow("notification:" + subscriber.viewerId(), from, subscriber).map(NotificationReceived::of);
    }

    @SchemaMapping(typeName = "NotificationReceived", field = "community")
    CommunityView community(NotificationReceived received, GraphQLContext context) {
        return received.communityId() == null ? null : queries.communitiesById(List.of(received.communityId()),
                viewer(context), new MinPosition(received.position())).get(received.communityId());
    }

    @SchemaMapping(typeName = "NotificationReceived", field = "question")
    QuestionView question(NotificationReceived received, GraphQLContext context) {
        return received.questionId() == null ? null : question(received.questionId(), received.position(), viewer(context));
    }

    @SchemaMapping(typeName = "NotificationReceived", field = "actor")
    MemberView actor(NotificationReceived received, GraphQLContext context) {
        return member(received.actorId(), received.position(), viewer(context));
    }

    @SchemaMapping(typeName = "QuestionChange", field = "question")
    QuestionView question(QuestionChange change, GraphQLContext context) {
        return question(change.questionId(), change.position(), viewer(context));
    }

    @SchemaMapping(typeName = "QuestionChange", field = "answer")
    AnswerView answer(QuestionChange change, GraphQLContext context) {
        return answer(change.answerId(), change.position(), viewer(context));
    }

    @SchemaMapping(typeName = "QuestionChange", field = "comment")
    CommentView comment(QuestionChange change, GraphQLContext context) {
        if (change.commentId() == null) {
            return null;
        }
        return queries.commentsById(List.of(change.commentId()), viewer(context), new MinPosition(change.position()))
                .get(change.commentId());
    }

    @SchemaMapping(typeName = "QuestionChange", field = "actor")
    MemberView actor(QuestionChange change, GraphQLContext context) {
        return member(change.actorId(), change.position(), viewer(context));
    }

    @SchemaMapping(typeName = "CommunityActivity", field = "question")
    QuestionView question(CommunityActivity activity, GraphQLContext context) {
        return question(activity.questionId(), activity.position(), viewer(context));
    }

    @SchemaMapping(typeName = "CommunityActivity", field = "answer")
    AnswerView answer(CommunityActivity activity, GraphQLContext context) {
        return answer(activity.answerId(), activity.position(), viewer(context));
    }

    @SchemaMapping(typeName = "CommunityActivity", field = "actor")
    MemberView actor(CommunityActivity activity, GraphQLContext context) {
        return member(activity.actorId(), activity.position(), viewer(context));
    }

    private QuestionView question(String questionId, long position, Viewer viewer) {
        return queries.questionsById(List.of(questionId), viewer, new MinPosition(position)).get(questionId);
    }

    private AnswerView answer(String answerId, long position, Viewer viewer) {
        if (answerId == null) {
            return null;
        }
        return queries.answersById(List.of(answerId), viewer, new MinPosition(position)).get(answerId);
    }

    private MemberView member(String memberId, long position, Viewer viewer) {
        if (memberId == null) {
            return null;
        }
        return queries.membersById(List.of(memberId), viewer, new MinPosition(position)).get(memberId);
    }

    /** The subscriber reads the objects of each event as themselves: a private community's only while they may. */
    private static Viewer viewer(GraphQLContext context) {
        return new Viewer(Subscriber.of(context).viewerId());
    }
}
