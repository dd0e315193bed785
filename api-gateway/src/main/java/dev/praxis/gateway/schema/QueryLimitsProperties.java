package dev.praxis.gateway.schema;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Bounds on the cost of one GraphQL operation, checked before it runs.
 *
 * @param maxDepth how deeply fields may nest (GraphiQL's introspection query needs about 13)
 * @param maxComplexity the largest complexity: every field counts 1, and a field with a
 *     {@code first} argument multiplies what it selects by {@code first}, so that nested pages,
 *     each of which costs a backend call per parent, cannot multiply without bound
 */
@ConfigurationProperties("praxis.graphql")
public record QueryLimitsProperties(
        @DefaultValue("20") int maxDepth,
        @DefaultValue("20000") int maxComplexity) {
}
