package dev.praxis.gateway.schema;

import dev.praxis.gateway.relay.PageRequest;
import graphql.GraphqlErrorBuilder;
import graphql.analysis.FieldComplexityCalculator;
import graphql.analysis.MaxQueryComplexityInstrumentation;
import graphql.analysis.MaxQueryDepthInstrumentation;
import graphql.execution.AbortExecutionException;
import java.util.List;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;

/**
 * Runtime parts of the schema that are not controllers: custom scalars, and the limits that refuse
 * an operation too deep or too costly before any of it runs. A refusal is a {@code BAD_REQUEST}
 * with a code, like every other error of the API.
 */
@Configuration(proxyBeanMethods = false)
class SchemaConfiguration {

    @Bean
    RuntimeWiringConfigurer scalars() {
        return wiring -> wiring.scalar(DateTimeScalar.INSTANCE);
    }

    @Bean
    MaxQueryDepthInstrumentation maxQueryDepth(QueryLimitsProperties limits) {
        return new MaxQueryDepthInstrumentation(limits.maxDepth()) {
            @Override
            protected AbortExecutionException mkAbortException(int depth, int maxDepth) {
                return refusal("QUERY_TOO_DEEP",
                        "The operation nests " + depth + " levels deep; at most " + maxDepth + " are allowed.");
            }
        };
    }

    @Bean
    MaxQueryComplexityInstrumentation maxQueryComplexity(QueryLimitsProperties limits) {
        return new MaxQueryComplexityInstrumentation(limits.maxComplexity(), pageSizeWeighted()) {
            @Override
            protected AbortExecutionException mkAbortException(int complexity, int maxComplexity) {
                return refusal("QUERY_TOO_COMPLEX", "The operation's complexity is " + complexity
                        + "; at most " + maxComplexity + " is allowed. Ask for smaller pages or fewer fields.");
            }
        };
    }

    /**
     * 1 per field, times {@code first} for a page: a page of 100 items costs 100 times its selection.
     * A {@code first} out of bounds counts as the largest page, so that the field itself reports the
     * clearer error {@code INVALID_PAGE_SIZE}; the product saturates instead of overflowing.
     */
    private static FieldComplexityCalculator pageSizeWeighted() {
        return (environment, childComplexity) -> {
            Object first = environment.getArguments().get("first");
            long multiplier = first instanceof Integer size ? Math.max(1, Math.min(size, PageRequest.MAX_SIZE)) : 1;
            return (int) Math.min(Integer.MAX_VALUE, multiplier * (1L + childComplexity));
        };
    }

    private static AbortExecutionException refusal(String code, String message) {
        return new AbortExecutionException(List.of(GraphqlErrorBuilder.newError()
                .errorType(ErrorType.BAD_REQUEST)
                .message(message)
                .extensions(Map.of("code", code))
                .build()));
    }
}
