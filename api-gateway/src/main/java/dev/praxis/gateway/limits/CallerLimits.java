package dev.praxis.gateway.limits;

import graphql.GraphQLContext;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One request's caller and what the limits decided about it, carried in the request's
 * {@link GraphQLContext} from the {@link LimitsInterceptor} to the checks that run before
 * execution, to the {@code rateLimit} field, and back to the response's extensions and headers.
 *
 * @param caller whom the budget is charged to: {@code member:<id>} or {@code address:<ip>}
 * @param viaGet the operation came as an HTTP GET, which may not carry a mutation
 */
public record CallerLimits(String caller, boolean viaGet, AtomicReference<RateLimit> rateLimit) {

    /** The request attribute by which the GET route marks operations that came as a GET. */
    public static final String VIA_GET_ATTRIBUTE = CallerLimits.class.getName() + ".viaGet";

    private static final String CONTEXT_KEY = CallerLimits.class.getName();

    CallerLimits(String caller, boolean viaGet) {
        this(caller, viaGet, new AtomicReference<>());
    }

    /** The request's limits; null for an operation that did not come through the web layer. */
    public static CallerLimits of(GraphQLContext context) {
        return context.get(CONTEXT_KEY);
    }

    void putInto(GraphQLContext.Builder context) {
        context.put(CONTEXT_KEY, this);
    }
}
