package dev.praxis.gateway.relay;

import dev.praxis.api.query.Page;
import java.util.ArrayList;
import java.util.List;

/**
 * A page of a list in the shape of a Relay connection.
 *
 * <p>Cursors are the query service's, passed through untouched. It gives one cursor per page, the
 * position after the last item, which is by definition the last edge's cursor; the other edges
 * have none rather than an invented one. A client pages forward with {@code pageInfo.endCursor}.
 */
public record Connection<T>(List<Edge<T>> edges, List<T> nodes, PageInfo pageInfo, long totalCount) {

    /** The connection for one page fetched with {@code request}. */
    public static <T> Connection<T> of(Page<T> page, PageRequest request) {
        List<T> items = page.items() == null ? List.of() : page.items();
        List<Edge<T>> edges = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            boolean last = i == items.size() - 1;
            edges.add(new Edge<>(last ? page.endCursor() : null, items.get(i)));
        }
        String startCursor = edges.isEmpty() ? null : edges.get(0).cursor();
        String endCursor = edges.isEmpty() ? null : page.endCursor();
        // Paging forward from a cursor means there were items before it; the service cannot say
        // more cheaply, which the Relay specification allows.
        PageInfo pageInfo = new PageInfo(page.hasNextPage(), request.after() != null, startCursor, endCursor);
        return new Connection<>(List.copyOf(edges), List.copyOf(items), pageInfo, page.totalCount());
    }
}
