package dev.praxis.gateway.article;

import static dev.praxis.gateway.schema.Batches.associate;

import dev.praxis.api.article.DeleteArticle;
import dev.praxis.api.article.EditArticle;
import dev.praxis.api.article.PublishArticle;
import dev.praxis.api.query.ArticleView;
import dev.praxis.api.query.CommunityView;
import dev.praxis.api.query.MemberView;
import dev.praxis.api.query.RevisionView;
import dev.praxis.api.shared.PraxisCommand;
import dev.praxis.gateway.client.MinPosition;
import dev.praxis.gateway.client.MutationInput;
import dev.praxis.gateway.client.UnreadableTargets;
import dev.praxis.gateway.client.Viewer;
import dev.praxis.gateway.error.ClientErrorException;
import dev.praxis.gateway.client.Mutations;
import dev.praxis.gateway.client.QueryServiceClient;
import dev.praxis.gateway.question.RevisionsClient;
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
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** Knowledge articles: the {@code article} query, a community's articles, the fields of {@code Article} and its mutations. */
@Controller
class ArticleController {

    private final Mutations mutations;
    private final QueryServiceClient queries;
    private final RevisionsClient revisionsClient;

    ArticleController(Mutations mutations, QueryServiceClient queries, RevisionsClient revisionsClient) {
        this.mutations = mutations;
        this.revisionsClient = revisionsClient;
        this.queries = queries;
    }

    /** Null with NOT_FOUND / UNKNOWN_ARTICLE when there is none, or when the viewer may not read it. */
    @QueryMapping
    ArticleView article(@Argument String id, GraphQLContext context) {
        String articleId = GlobalId.rawId(id, NodeType.ARTICLE);
        ArticleView article = queries.articlesById(List.of(articleId), Viewer.of(context), MinPosition.of(context))
                .get(articleId);
        if (article == null) {
            throw ClientErrorException.notFound("UNKNOWN_ARTICLE", "Could not resolve to an article with the id '" + id + "'.");
        }
        return article;
    }

    @SchemaMapping(typeName = "Community", field = "articles")
    Connection<ArticleView> articles(CommunityView community, @Argument Integer first, @Argument String after,
            GraphQLContext context) {
        PageRequest page = PageRequest.of(first, after);
        return Connection.of(queries.articlesOf(community.id(), page.first(), page.after(), Viewer.of(context), MinPosition.of(context)), page);
    }

    /** The revisions of all the articles of a response, with one call. */
    @BatchMapping(typeName = "Article", field = "revisions")
    Callable<Map<ArticleView, List<RevisionView>>> revisions(List<ArticleView> articles, GraphQLContext context) {
        MinPosition min = MinPosition.of(context);
        Viewer viewer = Viewer.of(context);
        return () -> {
            Map<String, List<RevisionView>> revisions = revisionsClient.revisionsOfPosts(
                    articles.stream().map(ArticleView::id).toList(), viewer, min);
            return associate(articles, article -> revisions.getOrDefault(article.id(), List.of()));
        };
    }

    @BatchMapping(typeName = "Article", field = "author")
    Callable<Map<ArticleView, MemberView>> author(List<ArticleView> articles, GraphQLContext context) {
        MinPosition min = MinPosition.of(context);
        Viewer viewer = Viewer.of(context);
        return () -> {
            Map<String, MemberView> members = queries.membersById(articles.stream().map(ArticleView::authorId).toList(), viewer, min);
            return associate(articles, article -> members.get(article.authorId()));
        };
    }

    @BatchMapping(typeName = "Article", field = "lastEditor")
    Callable<Map<ArticleView, MemberView>> lastEditor(List<ArticleView> articles, GraphQLContext context) {
        MinPosition min = MinPosition.of(context);
        Viewer viewer = Viewer.of(context);
        return () -> {
            Map<String, MemberView> members = queries.membersById(
                    articles.stream().map(ArticleView::lastEditorId).filter(Objects::nonNull).toList(), viewer, min);
            return associate(articles, article -> article.lastEditorId() == null ? null : members.get(article.lastEditorId()));
        };
    }

    @BatchMapping(typeName = "Article", field = "community")
    Callable<Map<ArticleView, CommunityView>> community(List<ArticleView> articles, GraphQLContext context) {
        MinPosition min = MinPosition.of(context);
        Viewer viewer = Viewer.of(context);
        return () -> {
            Map<String, CommunityView> communities = queries.communitiesById(
                    articles.stream().map(ArticleView::communityId).toList(), viewer, min);
            return associate(articles, article -> communities.get(article.communityId()));
        };
    }

    @MutationMapping
    ArticlePayload publishArticle(@Argument PublishArticleInput input, Actor actor, GraphQLContext context) {
        Viewer viewer = Viewer.of(context);
        String communityId = GlobalId.rawId(input.communityId(), NodeType.COMMUNITY);
        String articleId = mutations.newId("article", input, actor);
        MinPosition min = mutations.send(new PublishArticle(articleId, communityId, input.title(), input.body(),
                input.tags() == null ? List.of() : input.tags(), actor.id(), null), input, actor, context);
        return new ArticlePayload(read(articleId, viewer, min), input.clientMutationId());
    }

    @MutationMapping
    ArticlePayload editArticle(@Argument EditArticleInput input, Actor actor, GraphQLContext context) {
        Viewer viewer = Viewer.of(context);
        String articleId = GlobalId.rawId(input.articleId(), NodeType.ARTICLE);
        MinPosition min = sendOnArticle(articleId, new EditArticle(articleId, input.title(), input.body(),
                input.tags() == null ? List.of() : input.tags(), input.comment(), actor.id(), null), input, actor, context);
        return new ArticlePayload(read(articleId, viewer, min), input.clientMutationId());
    }

    @MutationMapping
    ArticlePayload deleteArticle(@Argument DeleteArticleInput input, Actor actor, GraphQLContext context) {
        String articleId = GlobalId.rawId(input.articleId(), NodeType.ARTICLE);
        MinPosition min = sendOnArticle(articleId, new DeleteArticle(articleId, input.reason(), actor.id(), null), input, actor,
                context);
        Viewer viewer = Viewer.of(context);
        return new ArticlePayload(read(articleId, viewer, min), input.clientMutationId());
    }

    /** Sends a command on an article; refused on an article the viewer may not read, it is NOT_FOUND. */
    private MinPosition sendOnArticle(String articleId, PraxisCommand command, MutationInput input, Actor actor,
            GraphQLContext context) {
        return UnreadableTargets.hidden(() -> mutations.send(command, input, actor, context),
                () -> read(articleId, Viewer.of(context), MinPosition.of(context)) != null, "UNKNOWN_ARTICLE", "article");
    }

    private ArticleView read(String articleId, Viewer viewer, MinPosition min) {
        return queries.articlesById(List.of(articleId), viewer, min).get(articleId);
    }
}
