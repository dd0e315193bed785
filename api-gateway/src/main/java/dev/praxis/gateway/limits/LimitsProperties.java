package dev.praxis.gateway.limits;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The limits that the public API enforces on every request, all checked before any of the
 * request's operations asks a backend service anything (the timeout excepted, by its nature).
 *
 * @param maxDepth how deeply fields may nest (GraphiQL's introspection query needs about 13)
 * @param maxComplexity the largest complexity: every field counts 1, and a field with a
 *     {@code first} argument multiplies what it selects by {@code first}, so that the objects an
 *     operation can return stay bounded (GitHub's "node limit" plays the same part)
 * @param maxAliases how many aliased fields one document may hold: aliases let a small document
 *     ask for the same expensive field many times over
 * @param maxCost the largest cost of one operation, in points (see {@link QueryCost})
 * @param requestsPerPoint backend requests per point of cost: GitHub divides by 100
 * @param budgetPerHour the points each caller (a member, or an anonymous client address) may
 *     spend in an hour
 * @param maxRequestSize the largest request body
 * @param maxBatchOperations how many operations one POST may carry as a JSON array
 * @param timeout how long one operation may run before it is answered with {@code TIMEOUT}
 * @param persistedQueries how many automatic persisted queries the gateway keeps (least recently
 *     used go first)
 * @param parsedQueries how much query text the gateway keeps parsed and validated, so that a client
 *     that sends the same document again is not parsed again (least recently used go first)
 * @param workers the most operations over HTTP that run at once, each on a thread of its own; more
 *     wait for a thread. A thread whose operation timed out stays busy until its backend call
 *     returns (an HTTP read cannot be interrupted), and takes no new operation before that
 * @param introspection whether callers may introspect the schema: off in production, where the
 *     schema is published instead; decided per request, not with GraphQL Java's JVM-wide switch
 */
@ConfigurationProperties("praxis.graphql")
public record LimitsProperties(
        @DefaultValue("20") int maxDepth,
        @DefaultValue("20000") int maxComplexity,
        @DefaultValue("30") int maxAliases,
        @DefaultValue("10") int maxCost,
        @DefaultValue("100") int requestsPerPoint,
        @DefaultValue("5000") int budgetPerHour,
        @DefaultValue("64KB") DataSize maxRequestSize,
        @DefaultValue("10") int maxBatchOperations,
        @DefaultValue("15s") Duration timeout,
        @DefaultValue("10000") int persistedQueries,
        @DefaultValue("1MB") DataSize parsedQueries,
        @DefaultValue("200") int workers,
        @DefaultValue("false") boolean introspection) {
}
