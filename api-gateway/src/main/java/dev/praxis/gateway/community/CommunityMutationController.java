package dev.praxis.gateway.community;

import dev.praxis.api.community.CreateCommunity;
import dev.praxis.api.community.JoinCommunity;
import dev.praxis.gateway.client.CommandServiceClient;
import dev.praxis.gateway.client.MinPosition;
import dev.praxis.gateway.client.QueryServiceClient;
import dev.praxis.gateway.relay.GlobalId;
import dev.praxis.gateway.relay.NodeType;
import dev.praxis.gateway.security.Actor;
import graphql.GraphQLContext;
import java.util.UUID;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;

/**
 * Mutations on communities. Each sends one command as the signed-in {@link Actor}, then reads the
 * changed objects back at the command's position, so the payload already shows the change.
 */
@Controller
class CommunityMutationController {

    private final CommandServiceClient commands;
    private final QueryServiceClient queries;

    CommunityMutationController(CommandServiceClient commands, QueryServiceClient queries) {
        this.commands = commands;
        this.queries = queries;
    }

    @MutationMapping
    CreateCommunityPayload createCommunity(@Argument CreateCommunityInput input, Actor actor, GraphQLContext context) {
        String communityId = UUID.randomUUID().toString();
        long position = commands.send(new CreateCommunity(
                communityId, input.name(), input.description(), actor.id(), actor.displayName(), null)).position();
        MinPosition min = MinPosition.raise(context, position);
        return new CreateCommunityPayload(queries.community(communityId, min).orElse(null), input.clientMutationId());
    }

    @MutationMapping
    JoinCommunityPayload joinCommunity(@Argument JoinCommunityInput input, Actor actor, GraphQLContext context) {
        String communityId = GlobalId.rawId(input.communityId(), NodeType.COMMUNITY);
        long position = commands.send(new JoinCommunity(communityId, actor.id(), actor.displayName(), null)).position();
        MinPosition min = MinPosition.raise(context, position);
        return new JoinCommunityPayload(
                queries.community(communityId, min).orElse(null),
                queries.member(actor.id(), min).orElse(null),
                input.clientMutationId());
    }
}
