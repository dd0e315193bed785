package dev.praxis.gateway.limits;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A caller's budget as it stands after the current operation was charged: the GraphQL type
 * {@code RateLimit}, and the {@code rateLimit} entry of every response's extensions.
 *
 * @param cost the points this operation cost
 * @param limit the points a caller may spend per hour
 * @param remaining the points left until {@code resetAt}
 * @param resetAt when the budget is full again
 * @param used the points spent since the window began
 */
public record RateLimit(int cost, int limit, int remaining, Instant resetAt, int used) {

    Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("cost", cost);
        map.put("limit", limit);
        map.put("remaining", remaining);
        map.put("resetAt", resetAt.toString());
        return map;
    }
}
