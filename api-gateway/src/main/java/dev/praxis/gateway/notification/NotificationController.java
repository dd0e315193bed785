package dev.praxis.gateway.notification;

import static dev.praxis.gateway.schema.Batches.load;

import dev.praxis.api.notification.MarkAllNotificationsRead;
import dev.praxis.api.notification.MarkNotificationsRead;
import dev.praxis.api.query.AnswerView;
import dev.praxis.api.query.ArticleView;
import dev.praxis.api.query.CommentView;
import dev.praxis.api.query.CommunityView;
import dev.praxis.api.query.MemberView;
import dev.praxis.api.query.NotificationView;
import dev.praxis.api.query.Page;
import dev.praxis.api.query.QuestionView;
import dev.praxis.gateway.client.MinPosition;
import dev.praxis.gateway.client.Viewer;
import dev.praxis.gateway.client.Mutations;
import dev.praxis.gateway.client.QueryServiceClient;
import dev.praxis.gateway.error.ClientErrorException;
import dev.praxis.gateway.relay.Edge;
import dev.praxis.gateway.relay.PageInfo;
import dev.praxis.gateway.relay.PageRequest;
import dev.praxis.gateway.security.Actor;
import graphql.GraphQLContext;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.stereotype.Controller;

/**
 * The viewer's notifications ({@code Member.notifications} with its {@code unreadCount}), the
 * {@code markNotificationsRead} and {@code markAllNotificationsRead} mutations, and the fields of
 * {@code Notification}, each loaded in one batch for all notifications of a response.
 */
@Controller
class NotificationController {

    /** As many ids as one page holds: a client marks what it shows. */
    static final int MAX_IDS = 100;

    private final NotificationClient notifications;
    private final QueryServiceClient queries;
    private final Mutations mutations;

    NotificationController(NotificationClient notifications, QueryServiceClient queries, Mutations mutations) {
        this.notifications = notifications;
        this.queries = queries;
        this.mutations = mutations;
    }

    @SchemaMapping(typeName = "Member", field = "notifications")
    NotificationConnection notifications(MemberView member, @Argument Integer first, @Argument String after,
                                         @Argument Boolean unreadOnly, Optional<Actor> actor, GraphQLContext context) {
        requireViewer(member, actor);
        PageRequest request = PageRequest.of(first, after);
        Page<NotificationView> page = notifications.notifications(member.id(), request.first(), request.after(),
                Boolean.TRUE.equals(unreadOnly), MinPosition.of(context));
        List<NotificationView> items = page.items() == null ? List.of() : page.items();
        List<Edge<NotificationView>> edges = items.stream().map(n -> new Edge<>(n.cursor(), n)).toList();
        PageInfo info = new PageInfo(page.hasNextPage(), request.after() != null,
                items.isEmpty() ? null : items.get(0).cursor(), items.isEmpty() ? null : page.endCursor());
        return new NotificationConnection(edges, items, info, member.id());
    }

    @SchemaMapping(typeName = "NotificationConnection", field = "unreadCount")
    long unreadCount(NotificationConnection connection, GraphQLContext context) {
        return notifications.unreadCount(connection.memberId(), MinPosition.of(context));
    }

    @MutationMapping
    MarkNotificationsReadPayload markNotificationsRead(@Argument MarkNotificationsReadInput input, Actor actor,
                                                       GraphQLContext context) {
        List<String> ids = input.notificationIds() == null ? List.of() : input.notificationIds();
        if (ids.isEmpty() || ids.size() > MAX_IDS) {
            throw ClientErrorException.badRequest("INVALID_NOTIFICATION_IDS",
                    "Name 1 to " + MAX_IDS + " notifications to mark read.");
        }
        MinPosition min = mutations.send(new MarkNotificationsRead(actor.id(), ids, actor.id(), null), input, actor, context);
        return payload(actor, new HashSet<>(ids), input.clientMutationId(), min);
    }

    @MutationMapping
    MarkNotificationsReadPayload markAllNotificationsRead(@Argument MarkAllNotificationsReadInput input, Actor actor,
                                                          GraphQLContext context) {
        long upTo;
        if (input.upTo() == null) {
            upTo = Math.max(0, notifications.position()); // everything the viewer can have seen so far
        } else {
            try {
                upTo = Long.parseLong(input.upTo());
            } catch (NumberFormatException e) {
                throw ClientErrorException.badRequest("INVALID_POSITION", "upTo is a notification's position.");
            }
        }
        MinPosition min = mutations.send(new MarkAllNotificationsRead(actor.id(), upTo, actor.id(), null), input, actor,
                context);
        return payload(actor, Set.of(), input.clientMutationId(), min);
    }

    private MarkNotificationsReadPayload payload(Actor actor, Set<String> marked, String clientMutationId, MinPosition min) {
        List<NotificationView> shown = marked.isEmpty() ? List.of()
                : notifications.notifications(actor.id(), PageRequest.MAX_SIZE, null, false, min).items().stream()
                        .filter(n -> marked.contains(n.id())).toList();
        MemberView viewer = queries.member(actor.id(), Viewer.of(actor), min)
                .orElseGet(() -> new MemberView(actor.id(), actor.displayName(), 1, List.of()));
        return new MarkNotificationsReadPayload(viewer, shown, notifications.unreadCount(actor.id(), min), clientMutationId);
    }

    private static void requireViewer(MemberView member, Optional<Actor> actor) {
        if (actor.isEmpty()) {
            throw ClientErrorException.unauthorized("SIGN_IN_REQUIRED", "Sign in to see your notifications.");
        }
        if (!actor.get().id().equals(member.id())) {
            throw new ClientErrorException(ErrorType.FORBIDDEN, "NOT_YOUR_NOTIFICATIONS",
                    "Notifications are shown to their member only.");
        }
    }

    @SchemaMapping(typeName = "Notification", field = "position")
    String position(NotificationView notification) {
        return Long.toString(notification.position());
    }

    @BatchMapping(typeName = "Notification", field = "actor")
    Callable<Map<NotificationView, MemberView>> actor(List<NotificationView> items, GraphQLContext context) {
        return load(items, NotificationView::actorId, ids -> queries.membersById(ids, Viewer.of(context), MinPosition.of(context)));
    }

    @BatchMapping(typeName = "Notification", field = "community")
    Callable<Map<NotificationView, CommunityView>> community(List<NotificationView> items, GraphQLContext context) {
        return load(items, NotificationView::communityId, ids -> queries.communitiesById(ids, Viewer.of(context), MinPosition.of(context)));
    }

    @BatchMapping(typeName = "Notification", field = "question")
    Callable<Map<NotificationView, QuestionView>> question(List<NotificationView> items, GraphQLContext context) {
        return load(items, NotificationView::questionId, ids -> queries.questionsById(ids, Viewer.of(context), MinPosition.of(context)));
    }

    @BatchMapping(typeName = "Notification", field = "answer")
    Callable<Map<NotificationView, AnswerView>> answer(List<NotificationView> items, GraphQLContext context) {
        return load(items, NotificationView::postId, ids -> queries.answersById(ids, Viewer.of(context), MinPosition.of(context)));
    }

    @BatchMapping(typeName = "Notification", field = "comment")
    Callable<Map<NotificationView, CommentView>> comment(List<NotificationView> items, GraphQLContext context) {
        return load(items, NotificationView::postId, ids -> queries.commentsById(ids, Viewer.of(context), MinPosition.of(context)));
    }

    @BatchMapping(typeName = "Notification", field = "article")
    Callable<Map<NotificationView, ArticleView>> article(List<NotificationView> items, GraphQLContext context) {
        return load(items, n -> n.questionId() == null ? n.postId() : null,
                ids -> queries.articlesById(ids, Viewer.of(context), MinPosition.of(context)));
    }
}
