package dev.praxis.gateway.tag;

import static dev.praxis.gateway.schema.Batches.associate;

import dev.praxis.api.query.CommunityView;
import dev.praxis.api.query.TagView;
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

/** Reads of tags: {@code Query.tag}, {@code Community.tags} and the fields of {@code Tag}. */
@Controller
class TagController {

    private final QueryServiceClient queries;

    TagController(QueryServiceClient queries) {
        this.queries = queries;
    }

    /** Null with NOT_FOUND / UNKNOWN_TAG when there is none, or when the viewer may not read its community. */
    @QueryMapping
    TagView tag(@Argument String communityId, @Argument String name, GraphQLContext context) {
        return queries.tag(GlobalId.rawId(communityId, NodeType.COMMUNITY), TagName.normalise(name), Viewer.of(context),
                        MinPosition.of(context))
                .orElseThrow(() -> ClientErrorException.notFound("UNKNOWN_TAG",
                        "Could not resolve to a tag '" + name + "' in the community '" + communityId + "'."));
    }

    @SchemaMapping(typeName = "Community", field = "tags")
    Connection<TagView> tags(CommunityView community, @Argument Integer first, @Argument String after,
                             GraphQLContext context) {
        PageRequest page = PageRequest.of(first, after);
        return Connection.of(queries.tagsOf(community.id(), page.first(), page.after(), Viewer.of(context), MinPosition.of(context)), page);
    }

    @BatchMapping(typeName = "Tag", field = "community")
    Callable<Map<TagView, CommunityView>> community(List<TagView> tags, GraphQLContext context) {
        MinPosition min = MinPosition.of(context);
        Viewer viewer = Viewer.of(context);
        return () -> {
            Map<String, CommunityView> communities = queries.communitiesById(tags.stream().map(TagView::communityId).toList(), viewer, min);
            return associate(tags, tag -> communities.get(tag.communityId()));
        };
    }
}
