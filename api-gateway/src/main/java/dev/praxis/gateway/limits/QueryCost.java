package dev.praxis.gateway.limits;

import dev.praxis.gateway.relay.PageRequest;
import graphql.analysis.QueryTraverser;
import graphql.analysis.QueryVisitorFieldEnvironment;
import graphql.analysis.QueryVisitorStub;
import graphql.execution.ExecutionContext;
import graphql.schema.GraphQLTypeUtil;
import java.util.Collection;

/**
 * What an operation will cost, worked out from its document before it runs, by GitHub's rules for
 * its GraphQL API: every connection counts as the backend requests needed to fill it, assuming each
 * page is as full as its {@code first} or {@code last} asks, so a connection nested in a page of 50
 * costs 50 requests; the sum divided by {@code requestsPerPoint} (GitHub: 100), rounded, and at
 * least 1, is the operation's cost in points.
 *
 * <p>A connection is a field whose type is named {@code ...Connection}; its page size is its
 * {@code first} or {@code last} (the schema's default when left out, 100 when it has none). The
 * {@code nodes(ids:)} field multiplies what it selects by the number of ids, like a page.
 *
 * @param requests the backend requests the operation may need at most
 * @param nodes the objects its connections may return at most (GitHub's "node limit" counts these)
 * @param points its cost, charged to the caller's budget
 */
public record QueryCost(long requests, long nodes, int points) {

    static QueryCost of(ExecutionContext execution, int requestsPerPoint) {
        Tally tally = new Tally();
        QueryTraverser.newQueryTraverser()
                .schema(execution.getGraphQLSchema())
                .document(execution.getDocument())
                .operationName(execution.getOperationDefinition().getName())
                .coercedVariables(execution.getCoercedVariables())
                .build()
                .visitPreOrder(tally);
        long points = Math.max(1, Math.round((double) tally.requests / requestsPerPoint));
        return new QueryCost(tally.requests, tally.nodes, (int) Math.min(Integer.MAX_VALUE, points));
    }

    private static final class Tally extends QueryVisitorStub {

        long requests;
        long nodes;

        @Override
        public void visitField(QueryVisitorFieldEnvironment field) {
            if (!isConnection(field)) {
                return;
            }
            long fetches = 1;
            for (QueryVisitorFieldEnvironment parent = field.getParentEnvironment(); parent != null;
                    parent = parent.getParentEnvironment()) {
                fetches = times(fetches, multiplier(parent));
            }
            requests = plus(requests, fetches);
            nodes = plus(nodes, times(fetches, pageSize(field)));
        }

        private static long multiplier(QueryVisitorFieldEnvironment field) {
            if (isConnection(field)) {
                return pageSize(field);
            }
            if (field.getArguments().get("ids") instanceof Collection<?> ids) {
                return Math.max(1, ids.size());
            }
            return 1;
        }

        private static boolean isConnection(QueryVisitorFieldEnvironment field) {
            if (field.isTypeNameIntrospectionField()) {
                return false;
            }
            String type = GraphQLTypeUtil.unwrapAll(field.getFieldDefinition().getType()).getName();
            return type.endsWith("Connection") && !type.startsWith("__");
        }

        /** The page a connection asks for, within 1..100 (a size outside is refused by the field itself). */
        private static long pageSize(QueryVisitorFieldEnvironment field) {
            Object size = field.getArguments().get("first");
            if (!(size instanceof Integer)) {
                size = field.getArguments().get("last");
            }
            int asked = size instanceof Integer value ? value : PageRequest.MAX_SIZE;
            return Math.max(1, Math.min(asked, PageRequest.MAX_SIZE));
        }

        private static long plus(long a, long b) {
            long sum = a + b;
            return sum < 0 ? Long.MAX_VALUE : sum;
        }

        private static long times(long a, long b) {
            return a != 0 && b > Long.MAX_VALUE / a ? Long.MAX_VALUE : a * b;
        }
    }
}
