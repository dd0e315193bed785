package dev.praxis.gateway.feed;

import static dev.praxis.gateway.schema.Batches.load;

import dev.praxis.api.query.AnswerView;
import dev.praxis.api.query.ArticleView;
import dev.praxis.api.query.CommentView;
import dev.praxis.api.query.CommunityView;
import dev.praxis.api.query.FeedItemView;
import dev.praxis.api.query.MemberView;
import dev.praxis.api.query.Page;
import dev.praxis.api.query.QuestionView;
import dev.praxis.gateway.client.MinPosition;
import dev.praxis.gateway.client.Viewer;
import dev.praxis.gateway.client.QueryServiceClient;
import dev.praxis.gateway.error.ClientErrorException;
import dev.praxis.gateway.relay.Connection;
import dev.praxis.gateway.relay.Edge;
import dev.praxis.gateway.relay.PageInfo;
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
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.stereotype.Controller;

/**
 * The feeds: {@code Community.feed}, {@code Member.activity}, {@code Member.homeFeed} (the viewer's
 * own only), and the fields of {@code FeedItem}, each loaded in one batch for all items of a response.
 */
@Controller
class FeedController {

    private static final Set<String> ANSWER_KINDS = Set.of("ANSWERED");
    private static final Set<String> ARTICLE_KINDS = Set.of("ARTICLE", "PUBLISHED");

    private final FeedClient feeds;
    private final QueryServiceClient queries;
    private final PointInTimeClient pointInTime;

    FeedController(FeedClient feeds, QueryServiceClient queries, PointInTimeClient pointInTime) {
        this.pointInTime = pointInTime;
        this.feeds = feeds;
        this.queries = queries;
    }

    @SchemaMapping(typeName = "Community", field = "feed")
    Connection<FeedItemView> communityFeed(CommunityView community, @Argument String order, @Argument String tag,
                                           @Argument Integer first, @Argument String after, @Argument Instant asOf,
                                           Optional<Actor> actor, GraphQLContext context) {
        PageRequest page = PageRequest.of(first, after);
        if (asOf != null) {
            // the page as it read then (dev.praxis.gateway.pointintime)
            return connection(pointInTime.feed(community.id(), order == null ? "NEWEST" : order, tag, page.first(), page.after(),
                    asOf, context), page);
        }
        return connection(feeds.communityFeed(community.id(), order == null ? "NEWEST" : order, tag, page.first(),
                page.after(), actor.map(Actor::id).orElse(null), MinPosition.of(context)), page);
    }

    @SchemaMapping(typeName = "Member", field = "activity")
    Connection<FeedItemView> activity(MemberView member, @Argument Integer first, @Argument String after,
                                      Optional<Actor> actor, GraphQLContext context) {
        PageRequest page = PageRequest.of(first, after);
        return connection(feeds.activity(member.id(), page.first(), page.after(), actor.map(Actor::id).orElse(null),
                MinPosition.of(context)), page);
    }

    @SchemaMapping(typeName = "Member", field = "homeFeed")
    Connection<FeedItemView> homeFeed(MemberView member, @Argument Integer first, @Argument String after,
                                      Optional<Actor> actor, GraphQLContext context) {
        if (actor.isEmpty()) {
            throw ClientErrorException.unauthorized("SIGN_IN_REQUIRED", "Sign in to see your home feed.");
        }
        if (!actor.get().id().equals(member.id())) {
            throw new ClientErrorException(ErrorType.FORBIDDEN, "NOT_YOUR_FEED", "A home feed is shown to its member only.");
        }
        PageRequest page = PageRequest.of(first, after);
        return connection(feeds.homeFeed(member.id(), page.first(), page.after(), MinPosition.of(context)), page);
    }

    /** A connection in which every edge has its own cursor: a client may resume after any item. */
    static Connection<FeedItemView> connection(Page<FeedItemView> page, PageRequest request) {
        List<FeedItemView> items = page.items() == null ? List.of() : page.items();
        List<Edge<FeedItemView>> edges = items.stream().map(item -> new Edge<>(item.cursor(), item)).toList();
        PageInfo info = new PageInfo(page.hasNextPage(), request.after() != null,
                items.isEmpty() ? null : items.get(0).cursor(), items.isEmpty() ? null : page.endCursor());
        return new Connection<>(edges, items, info, items.size());
    }

    @SchemaMapping(typeName = "FeedItem", field = "position")
    String position(FeedItemView item) {
        return Long.toString(item.position());
    }

    @BatchMapping(typeName = "FeedItem", field = "actor")
    Callable<Map<FeedItemView, MemberView>> actor(List<FeedItemView> items, GraphQLContext context) {
        return load(items, FeedItemView::actorId, ids -> queries.membersById(ids, Viewer.of(context), MinPosition.of(context)));
    }

    @BatchMapping(typeName = "FeedItem", field = "community")
    Callable<Map<FeedItemView, CommunityView>> community(List<FeedItemView> items, GraphQLContext context) {
        return load(items, FeedItemView::communityId, ids -> queries.communitiesById(ids, Viewer.of(context), MinPosition.of(context)));
    }

    @BatchMapping(typeName = "FeedItem", field = "question")
    Callable<Map<FeedItemView, QuestionView>> question(List<FeedItemView> items, GraphQLContext context) {
        return load(items, FeedItemView::questionId, ids -> queries.questionsById(ids, Viewer.of(context), MinPosition.of(context)));
    }

    @BatchMapping(typeName = "FeedItem", field = "answer")
    Callable<Map<FeedItemView, AnswerView>> answer(List<FeedItemView> items, GraphQLContext context) {
        return load(items, item -> ANSWER_KINDS.contains(item.kind()) ? item.postId() : null,
                ids -> queries.answersById(ids, Viewer.of(context), MinPosition.of(context)));
    }

    @BatchMapping(typeName = "FeedItem", field = "article")
    Callable<Map<FeedItemView, ArticleView>> article(List<FeedItemView> items, GraphQLContext context) {
        return load(items, item -> ARTICLE_KINDS.contains(item.kind()) ? item.postId() : null,
                ids -> queries.articlesById(ids, Viewer.of(context), MinPosition.of(context)));
    }

    @BatchMapping(typeName = "FeedItem", field = "comment")
    Callable<Map<FeedItemView, CommentView>> comment(List<FeedItemView> items, GraphQLContext context) {
        return load(items, item -> "COMMENTED".equals(item.kind()) ? item.postId() : null,
                ids -> queries.commentsById(ids, Viewer.of(context), MinPosition.of(context)));
    }
}
