package dev.praxis.gateway.relay;

import dev.praxis.gateway.client.MinPosition;
import dev.praxis.gateway.client.Viewer;
import dev.praxis.gateway.error.ClientErrorException;
import graphql.GraphQLContext;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.execution.DataFetcherResult;
import graphql.execution.ResultPath;
import graphql.schema.DataFetchingEnvironment;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.stereotype.Controller;

/**
 * {@code node(id:)} and {@code nodes(ids:)}: any object by its global id. As in GitHub's API, a
 * malformed id is an error, and a well-formed id that resolves to nothing is null with a
 * {@code NOT_FOUND} error ({@code UNKNOWN_NODE}) at its path. An object the viewer may not see (the
 * content of a private community they are not a member of) answers exactly so, so that its
 * existence does not leak.
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
    DataFetcherResult<Object> node(@Argument String id, GraphQLContext context, DataFetchingEnvironment environment) {
        Object node = finder.find(List.of(GlobalId.decode(id)), Viewer.of(context), MinPosition.of(context)).get(0);
        DataFetcherResult.Builder<Object> result = DataFetcherResult.newResult().data(node);
        if (node == null) {
            result.error(unresolved(id, environment.getExecutionStepInfo().getPath(), environment));
        }
        return result.build();
    }

    @QueryMapping
    DataFetcherResult<List<Object>> nodes(@Argument List<String> ids, GraphQLContext context,
            DataFetchingEnvironment environment) {
        if (ids.size() > MAX_IDS) {
            throw ClientErrorException.badRequest("TOO_MANY_IDS",
                    "nodes takes at most " + MAX_IDS + " ids (it got " + ids.size() + ").");
        }
        List<Object> nodes = finder.find(ids.stream().map(GlobalId::decode).toList(), Viewer.of(context),
                MinPosition.of(context));
        List<GraphQLError> errors = new ArrayList<>();
        ResultPath path = environment.getExecutionStepInfo().getPath();
        for (int i = 0; i < nodes.size(); i++) {
            if (nodes.get(i) == null) {
                errors.add(unresolved(ids.get(i), path.segment(i), environment));
            }
        }
        return DataFetcherResult.<List<Object>>newResult().data(nodes).errors(errors).build();
    }

    private static GraphQLError unresolved(String id, ResultPath path, DataFetchingEnvironment environment) {
        return GraphqlErrorBuilder.newError(environment)
                .path(path)
                .errorType(ErrorType.NOT_FOUND)
                .message("Could not resolve to a node with the global id of '" + id + "'.")
                .extensions(Map.of("code", "UNKNOWN_NODE"))
                .build();
    }
}
