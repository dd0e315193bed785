package dev.praxis.gateway.schema;

import dev.praxis.gateway.relay.PageRequest;
import graphql.analysis.FieldComplexityCalculator;
import graphql.analysis.MaxQueryComplexityInstrumentation;
import graphql.analysis.MaxQueryDepthInstrumentation;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;

/** Runtime parts of the schema that are not controllers: custom scalars and operation limits. */
@Configuration(proxyBeanMethods = false)
class SchemaConfiguration {

    @Bean
    RuntimeWiringConfigurer scalars() {
        return wiring -> wiring.scalar(DateTimeScalar.INSTANCE);
    }

    @Bean
    MaxQueryDepthInstrumentation maxQueryDepth(QueryLimitsProperties limits) {
        return new MaxQueryDepthInstrumentation(limits.maxDepth());
    }

    @Bean
    MaxQueryComplexityInstrumentation maxQueryComplexity(QueryLimitsProperties limits) {
        return new MaxQueryComplexityInstrumentation(limits.maxComplexity(), pageSizeWeighted());
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
}
