package dev.praxis.gateway.community;

import dev.praxis.api.community.CreateCommunity;
import dev.praxis.api.community.JoinCommunity;
import dev.praxis.gateway.client.Mutations;
import dev.praxis.gateway.client.MinPosition;
import dev.praxis.gateway.client.Viewer;
import dev.praxis.gateway.client.QueryServiceClient;
import dev.praxis.gateway.relay.GlobalId;
import dev.praxis.gateway.relay.NodeType;
import dev.praxis.gateway.security.Actor;
import graphql.GraphQLContext;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;

/**
 * Mutations on communities. Each sends one command as the signed-in {@link Actor}, then reads the
 * changed objects back at the command's position, so the payload already shows the change.
 */
@Controller
class CommunityMutationController {

    private final Mutations mutations;
    private final QueryServiceClient queries;

    CommunityMutationController(Mutations mutations, QueryServiceClient queries) {
        this.mutations = mutations;
        this.queries = queries;
    }

    @MutationMapping
    CreateCommunityPayload createCommunity(@Argument CreateCommunityInput input, Actor actor, GraphQLContext context) {
        Viewer viewer = Viewer.of(context);
        String communityId = mutations.newId("community", input, actor);
        MinPosition min = mutations.send(new CreateCommunity(communityId, input.name(), input.description(),
                input.privilegePreset(), input.visibility(), actor.id(), actor.displayName(), null), input, actor, context);
        return new CreateCommunityPayload(queries.community(communityId, viewer, min).orElse(null), input.clientMutationId());
    }

    @MutationMapping
    JoinCommunityPayload joinCommunity(@Argument JoinCommunityInput input, Actor actor, GraphQLContext context) {
        Viewer viewer = Viewer.of(context);
        String communityId = GlobalId.rawId(input.communityId(), NodeType.COMMUNITY);
        MinPosition min = mutations.send(new JoinCommunity(communityId, actor.id(), actor.displayName(), null),
                input, actor, context);
        return new JoinCommunityPayload(
                queries.community(communityId, viewer, min).orElse(null),
                queries.member(actor.id(), viewer, min).orElse(null),
                input.clientMutationId());
    }
}
