package dev.praxis.gateway.limits;

import graphql.GraphQLContext;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** The {@code rateLimit} query: the caller's budget after this operation was charged, costing nothing more. */
@Controller
class RateLimitController {

    @QueryMapping
    RateLimit rateLimit(GraphQLContext context) {
        CallerLimits limits = CallerLimits.of(context);
        return limits == null ? null : limits.rateLimit().get();
    }
}
