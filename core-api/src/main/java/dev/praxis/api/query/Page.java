package dev.praxis.api.query;

import java.util.List;

/**
 * One page of a list, newest first unless the endpoint says otherwise. {@code endCursor} is opaque
 * and stays valid while new items arrive (it names a position in the order, not an offset).
 */
public record Page<T>(List<T> items, String endCursor, boolean hasNextPage, long totalCount) {
}
