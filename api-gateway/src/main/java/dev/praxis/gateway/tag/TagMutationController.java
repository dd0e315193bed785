package dev.praxis.gateway.tag;

import dev.praxis.api.query.TagView;
import dev.praxis.api.shared.PraxisCommand;
import dev.praxis.api.tag.AddTagSynonym;
import dev.praxis.api.tag.CreateTag;
import dev.praxis.api.tag.EditTagDescription;
import dev.praxis.api.tag.RemoveTagSynonym;
import dev.praxis.api.tag.TagIds;
import dev.praxis.gateway.client.MinPosition;
import dev.praxis.gateway.client.Viewer;
import dev.praxis.gateway.client.MutationInput;
import dev.praxis.gateway.client.Mutations;
import dev.praxis.gateway.client.QueryServiceClient;
import dev.praxis.gateway.relay.GlobalId;
import dev.praxis.gateway.relay.NodeType;
import dev.praxis.gateway.security.Actor;
import graphql.GraphQLContext;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;

/** Mutations on tags: each names the tag's aggregate by community and normalised name, then reads the tag back. */
@Controller
class TagMutationController {

    private final Mutations mutations;
    private final QueryServiceClient queries;

    TagMutationController(Mutations mutations, QueryServiceClient queries) {
        this.mutations = mutations;
        this.queries = queries;
    }

    @MutationMapping
    TagPayload createTag(@Argument CreateTagInput input, Actor actor, GraphQLContext context) {
        String communityId = GlobalId.rawId(input.communityId(), NodeType.COMMUNITY);
        String name = TagName.normalise(input.name());
        return payload(new CreateTag(TagIds.of(communityId, name), communityId, name, input.description(), actor.id(), null),
                communityId, name, input, actor, context);
    }

    @MutationMapping
    TagPayload editTagDescription(@Argument EditTagDescriptionInput input, Actor actor, GraphQLContext context) {
        String communityId = GlobalId.rawId(input.communityId(), NodeType.COMMUNITY);
        String name = TagName.normalise(input.name());
        return payload(new EditTagDescription(TagIds.of(communityId, name), communityId, name, input.description(),
                actor.id(), null), communityId, name, input, actor, context);
    }

    @MutationMapping
    TagPayload addTagSynonym(@Argument TagSynonymInput input, Actor actor, GraphQLContext context) {
        String communityId = GlobalId.rawId(input.communityId(), NodeType.COMMUNITY);
        String name = TagName.normalise(input.name());
        return payload(new AddTagSynonym(TagIds.of(communityId, name), communityId, name, input.synonym(), actor.id(), null),
                communityId, name, input, actor, context);
    }

    @MutationMapping
    TagPayload removeTagSynonym(@Argument TagSynonymInput input, Actor actor, GraphQLContext context) {
        String communityId = GlobalId.rawId(input.communityId(), NodeType.COMMUNITY);
        String name = TagName.normalise(input.name());
        return payload(new RemoveTagSynonym(TagIds.of(communityId, name), communityId, name, input.synonym(), actor.id(), null),
                communityId, name, input, actor, context);
    }

    private TagPayload payload(PraxisCommand command, String communityId, String name, MutationInput input, Actor actor,
                               GraphQLContext context) {
        MinPosition min = mutations.send(command, input, actor, context);
        Viewer viewer = Viewer.of(context);
        TagView tag = queries.tag(communityId, name, viewer, min).orElse(null);
        return new TagPayload(tag, input.clientMutationId());
    }
}
