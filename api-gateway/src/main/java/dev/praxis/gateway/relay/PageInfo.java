package dev.praxis.gateway.relay;

/** Where a page of a connection lies in the whole list, as the Relay connection specification defines it. */
public record PageInfo(boolean hasNextPage, boolean hasPreviousPage, String startCursor, String endCursor) {
}
