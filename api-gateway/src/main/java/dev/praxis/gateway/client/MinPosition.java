package dev.praxis.gateway.client;

import graphql.GraphQLContext;

/**
 * The global event position that reads must reflect, for read-your-writes: after a mutation, every
 * read of the same GraphQL request asks the query service to wait until its projections have
 * processed the mutation's last event. It travels in the request's {@link GraphQLContext}, so that
 * nested fields and data loaders see it too, even when several query-service replicas answer.
 */
public record MinPosition(long value) {

    /** No wait: the read model as it is. */
    public static final MinPosition NONE = new MinPosition(-1);

    private static final String CONTEXT_KEY = MinPosition.class.getName();

    /** The position that reads of this request must reflect. */
    public static MinPosition of(GraphQLContext context) {
        return context.getOrDefault(CONTEXT_KEY, NONE);
    }

    /**
     * Records that this request wrote an event at {@code position} and answers the position that
     * reads must now reflect (never lower than before: two mutations in one request both count).
     */
    public static MinPosition raise(GraphQLContext context, long position) {
        return context.<MinPosition>compute(CONTEXT_KEY, (key, current) -> {
            MinPosition before = current == null ? NONE : current;
            return position > before.value ? new MinPosition(position) : before;
        });
    }

    public boolean isSet() {
        return value >= 0;
    }
}
