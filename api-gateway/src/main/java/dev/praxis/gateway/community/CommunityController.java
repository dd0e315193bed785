package dev.praxis.gateway.community;

import static dev.praxis.gateway.schema.Batches.associate;

import dev.praxis.api.query.CommunityView;
import dev.praxis.api.query.MemberView;
import dev.praxis.api.query.QuestionView;
import dev.praxis.gateway.client.MinPosition;
import dev.praxis.gateway.client.Viewer;
import dev.praxis.gateway.error.ClientErrorException;
import dev.praxis.gateway.client.QueryServiceClient;
import dev.praxis.gateway.relay.Connection;
import dev.praxis.gateway.relay.GlobalId;
import dev.praxis.gateway.relay.NodeType;
import dev.praxis.gateway.relay.PageRequest;
import graphql.GraphQLContext;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** Reads of communities: the {@code community} and {@code communities} queries and the fields of {@code Community}. */
@Controller
class CommunityController {

    private final QueryServiceClient queries;

    CommunityController(QueryServiceClient queries) {
        this.queries = queries;
    }

    /** Null with NOT_FOUND / UNKNOWN_COMMUNITY when there is none, or when it is private and the viewer no member. */
    @QueryMapping
    CommunityView community(@Argument String id, GraphQLContext context) {
        return queries.community(GlobalId.rawId(id, NodeType.COMMUNITY), Viewer.of(context), MinPosition.of(context))
                .orElseThrow(() -> ClientErrorException.notFound("UNKNOWN_COMMUNITY",
                        "Could not resolve to a community with the id '" + id + "'."));
    }

    @QueryMapping
    Connection<CommunityView> communities(@Argument Integer first, @Argument String after, GraphQLContext context) {
        PageRequest page = PageRequest.of(first, after);
        return Connection.of(queries.communities(page.first(), page.after(), Viewer.of(context), MinPosition.of(context)), page);
    }

    /** One page per community: a list of communities costs one call per community that selects it. */
    @SchemaMapping(typeName = "Community", field = "questions")
    Connection<QuestionView> questions(CommunityView community, @Argument Integer first, @Argument String after,
            GraphQLContext context) {
        PageRequest page = PageRequest.of(first, after);
        return Connection.of(
                queries.questionsOf(community.id(), page.first(), page.after(), Viewer.of(context), MinPosition.of(context)), page);
    }

    @BatchMapping(typeName = "Community", field = "createdBy")
    Callable<Map<CommunityView, MemberView>> createdBy(List<CommunityView> communities, GraphQLContext context) {
        MinPosition min = MinPosition.of(context);
        Viewer viewer = Viewer.of(context);
        return () -> {
            Map<String, MemberView> members = queries.membersById(
                    communities.stream().map(CommunityView::createdBy).toList(), viewer, min);
            return associate(communities, community -> members.get(community.createdBy()));
        };
    }
}
