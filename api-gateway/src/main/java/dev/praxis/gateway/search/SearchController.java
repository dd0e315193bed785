package dev.praxis.gateway.search;

import dev.praxis.api.query.AnswerView;
import dev.praxis.api.query.ArticleView;
import dev.praxis.api.query.CommentView;
import dev.praxis.api.query.MemberView;
import dev.praxis.api.query.Page;
import dev.praxis.api.query.QuestionView;
import dev.praxis.gateway.client.MinPosition;
import dev.praxis.gateway.client.Viewer;
import dev.praxis.gateway.client.QueryServiceClient;
import dev.praxis.gateway.error.ClientErrorException;
import dev.praxis.gateway.relay.GlobalId;
import dev.praxis.gateway.relay.NodeType;
import dev.praxis.gateway.relay.PageInfo;
import dev.praxis.gateway.relay.PageRequest;
import dev.praxis.gateway.security.Actor;
import graphql.GraphQLContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/**
 * Search: {@code search}, {@code similarQuestions} and {@code searchMembers}. The query service finds
 * and ranks (for the signed-in viewer, so a private community's content shows only to its members);
 * the posts and members found are then fetched in one batch per kind and resolved by the fields of
 * their own types.
 */
@Controller
class SearchController {

    private static final int MAX_SIMILAR = 20;

    private final SearchClient search;
    private final QueryServiceClient queries;

    SearchController(SearchClient search, QueryServiceClient queries) {
        this.search = search;
        this.queries = queries;
    }

    @QueryMapping
    SearchConnection<SearchEdge, Object> search(@Argument String query, @Argument SearchFiltersInput filters,
                                                @Argument String sort, @Argument Integer first, @Argument String after,
                                                Optional<Actor> actor, GraphQLContext context) {
        PageRequest page = PageRequest.of(first, after);
        SearchFiltersInput f = filters == null
                ? new SearchFiltersInput(null, null, null, null, null, null, null, null, null) : filters;
        SearchClient.Filters raw = new SearchClient.Filters(
                f.community() == null ? null : GlobalId.rawId(f.community(), NodeType.COMMUNITY),
                f.tags(), f.author() == null ? null : GlobalId.rawId(f.author(), NodeType.MEMBER),
                f.from(), f.to(), f.answered(), f.minScore(), f.maxScore(), f.types());
        MinPosition min = MinPosition.of(context);
        Viewer viewer = Viewer.of(context);
        Page<SearchHit> hits = search.search(query, raw, sort, page.first(), page.after(),
                actor.map(Actor::id).orElse(null), min);
        return connection(hits, page, viewer, min);
    }

    @QueryMapping
    SearchConnection<SearchEdge, Object> similarQuestions(@Argument String title, @Argument String body,
                                                          @Argument String community, @Argument Integer first,
                                                          Optional<Actor> actor, GraphQLContext context) {
        int size = first == null ? 5 : first;
        if (size < 1 || size > MAX_SIMILAR) {
            throw ClientErrorException.badRequest("INVALID_PAGE_SIZE", "first must be between 1 and " + MAX_SIMILAR + ".");
        }
        MinPosition min = MinPosition.of(context);
        Viewer viewer = Viewer.of(context);
        List<SearchHit> hits = search.similarQuestions(title, body,
                community == null ? null : GlobalId.rawId(community, NodeType.COMMUNITY), size,
                actor.map(Actor::id).orElse(null), min);
        return connection(new Page<>(hits, null, false, hits.size()), new PageRequest(size, null), viewer, min);
    }

    @QueryMapping
    SearchConnection<MemberEdge, MemberView> searchMembers(@Argument String query, @Argument String by,
                                                           @Argument String community, @Argument Integer first,
                                                           @Argument String after, Optional<Actor> actor,
                                                           GraphQLContext context) {
        PageRequest page = PageRequest.of(first, after);
        MinPosition min = MinPosition.of(context);
        Viewer viewer = Viewer.of(context);
        Page<MemberHit> hits = search.members("EXPERTISE".equals(by), query,
                community == null ? null : GlobalId.rawId(community, NodeType.COMMUNITY), page.first(), page.after(),
                actor.map(Actor::id).orElse(null), min);
        List<MemberHit> items = hits.items() == null ? List.of() : hits.items();
        Map<String, MemberView> members = queries.membersById(items.stream().map(MemberHit::memberId).toList(), viewer, min);
        List<MemberEdge> edges = new ArrayList<>();
        for (MemberHit hit : items) {
            MemberView member = members.get(hit.memberId());
            if (member != null) {
                edges.add(new MemberEdge(null, member, hit.expertise(), hit.tags()));
            }
        }
        edges = withEndCursor(edges, hits.endCursor(), (e, c) -> new MemberEdge(c, e.node(), e.expertise(), e.tags()));
        return new SearchConnection<>(edges, edges.stream().map(MemberEdge::node).toList(),
                pageInfo(edges.isEmpty(), hits, page), hits.totalCount());
    }

    /** The hits as edges over the views of their posts, fetched in one batch per kind; a post gone meanwhile is left out. */
    private SearchConnection<SearchEdge, Object> connection(Page<SearchHit> hits, PageRequest page, Viewer viewer,
                                                           MinPosition min) {
        List<SearchHit> items = hits.items() == null ? List.of() : hits.items();
        Map<String, QuestionView> questions = queries.questionsById(idsOf(items, "QUESTION"), viewer, min);
        Map<String, AnswerView> answers = queries.answersById(idsOf(items, "ANSWER"), viewer, min);
        Map<String, ArticleView> articles = queries.articlesById(idsOf(items, "ARTICLE"), viewer, min);
        Map<String, CommentView> comments = queries.commentsById(idsOf(items, "COMMENT"), viewer, min);
        List<SearchEdge> edges = new ArrayList<>();
        for (SearchHit hit : items) {
            Object node = switch (hit.type()) {
                case "QUESTION" -> questions.get(hit.id());
                case "ANSWER" -> answers.get(hit.id());
                case "ARTICLE" -> articles.get(hit.id());
                case "COMMENT" -> comments.get(hit.id());
                default -> null;
            };
            if (node != null) {
                edges.add(new SearchEdge(null, node, hit.highlights() == null ? List.of() : hit.highlights(), hit.relevance()));
            }
        }
        edges = withEndCursor(edges, hits.endCursor(), (e, c) -> new SearchEdge(c, e.node(), e.highlights(), e.relevance()));
        return new SearchConnection<>(edges, edges.stream().map(SearchEdge::node).toList(),
                pageInfo(edges.isEmpty(), hits, page), hits.totalCount());
    }

    private static List<String> idsOf(List<SearchHit> hits, String type) {
        return hits.stream().filter(h -> type.equals(h.type())).map(SearchHit::id).toList();
    }

    private static <E> List<E> withEndCursor(List<E> edges, String endCursor, java.util.function.BiFunction<E, String, E> withCursor) {
        if (edges.isEmpty() || endCursor == null) {
            return edges;
        }
        List<E> result = new ArrayList<>(edges);
        result.set(result.size() - 1, withCursor.apply(result.get(result.size() - 1), endCursor));
        return List.copyOf(result);
    }

    private static PageInfo pageInfo(boolean empty, Page<?> hits, PageRequest page) {
        String end = empty ? null : hits.endCursor();
        return new PageInfo(hits.hasNextPage(), page.after() != null, empty ? null : (hits.items().size() == 1 ? end : null), end);
    }
}
