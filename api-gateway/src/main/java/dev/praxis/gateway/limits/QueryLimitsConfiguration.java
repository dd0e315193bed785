package dev.praxis.gateway.limits;

import static dev.praxis.gateway.limits.Refusals.badRequest;

import dev.praxis.gateway.relay.PageRequest;
import graphql.analysis.FieldComplexityCalculator;
import graphql.analysis.MaxQueryComplexityInstrumentation;
import graphql.analysis.MaxQueryDepthInstrumentation;
import graphql.execution.AbortExecutionException;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

/**
 * The checks of an operation's shape and cost, in the order they run, all before any field is
 * fetched: aliases (before validation), depth, complexity, then cost and budget. A refusal is a
 * typed error with a code, like every other error of the API, and the request touches no backend.
 */
@Configuration(proxyBeanMethods = false)
class QueryLimitsConfiguration {

    @Bean
    @Order(1)
    AliasLimitInstrumentation aliasLimit(LimitsProperties limits) {
        return new AliasLimitInstrumentation(limits.maxAliases());
    }

    @Bean
    @Order(2)
    MaxQueryDepthInstrumentation maxQueryDepth(LimitsProperties limits) {
        return new MaxQueryDepthInstrumentation(limits.maxDepth()) {
            @Override
            protected AbortExecutionException mkAbortException(int depth, int maxDepth) {
                return badRequest("QUERY_TOO_DEEP",
                        "The operation nests " + depth + " levels deep; at most " + maxDepth + " are allowed.");
            }
        };
    }

    @Bean
    @Order(3)
    MaxQueryComplexityInstrumentation maxQueryComplexity(LimitsProperties limits) {
        return new MaxQueryComplexityInstrumentation(limits.maxComplexity(), pageSizeWeighted()) {
            @Override
            protected AbortExecutionException mkAbortException(int complexity, int maxComplexity) {
                return badRequest("QUERY_TOO_COMPLEX", "The operation's complexity is " + complexity
                        + "; at most " + maxComplexity + " is allowed. Ask for smaller pages or fewer fields.");
            }
        };
    }

    @Bean
    @Order(4)
    CostInstrumentation queryCost(LimitsProperties limits, CallerBudgets budgets) {
        return new CostInstrumentation(limits, budgets);
    }

    @Bean
    CallerBudgets callerBudgets(LimitsProperties limits) {
        return new CallerBudgets(limits.budgetPerHour(), Clock.systemUTC());
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
