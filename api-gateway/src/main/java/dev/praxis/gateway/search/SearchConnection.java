package dev.praxis.gateway.search;

import dev.praxis.gateway.relay.PageInfo;
import java.util.List;

/** A page of search results in the shape of a Relay connection (only the last edge has a cursor, as elsewhere). */
record SearchConnection<E, N>(List<E> edges, List<N> nodes, PageInfo pageInfo, long totalCount) {
}
