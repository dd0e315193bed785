package dev.praxis.gateway.relay;

import dev.praxis.gateway.client.MinPosition;
import dev.praxis.gateway.error.ClientErrorException;
import graphql.GraphQLContext;
import java.util.List;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/**
 * {@code node(id:)} and {@code nodes(ids:)}: any object by its global id. As in GitHub's API, a
 * malformed id is an error while a well-formed id of an object that does not exist is null.
 */
@Controller
class NodeController {

    /** More ids than fit in one page of any connection are refused, to keep a request's cost bounded. */
    static final int MAX_IDS = PageRequest.MAX_SIZE;

    private final NodeFinder finder;

    NodeController(NodeFinder finder) {
        this.finder = finder;
    }

    @QueryMapping
    Object node(@Argument String id, GraphQLContext context) {
        return finder.find(List.of(GlobalId.decode(id)), MinPosition.of(context)).get(0);
    }

    @QueryMapping
    List<Object> nodes(@Argument List<String> ids, GraphQLContext context) {
        if (ids.size() > MAX_IDS) {
            throw ClientErrorException.badRequest("TOO_MANY_IDS",
                    "nodes takes at most " + MAX_IDS + " ids (it got " + ids.size() + ").");
        }
        return finder.find(ids.stream().map(GlobalId::decode).toList(), MinPosition.of(context));
    }
}
