package dev.praxis.gateway.relay;

import dev.praxis.gateway.error.ClientErrorException;

/**
 * Forward pagination arguments of a connection field: how many items, after which cursor. The page
 * size is checked here, before any backend call, with the same bounds as the query service's.
 */
public record PageRequest(int first, String after) {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 100;

    public PageRequest {
        if (first < 1 || first > MAX_SIZE) {
            throw ClientErrorException.badRequest("INVALID_PAGE_SIZE",
                    "first must be between 1 and " + MAX_SIZE + " (it is " + first + ").");
        }
    }

    /** The request for the GraphQL arguments; a missing {@code first} asks for the default size. */
    public static PageRequest of(Integer first, String after) {
        return new PageRequest(first == null ? DEFAULT_SIZE : first, after);
    }
}
