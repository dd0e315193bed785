package dev.praxis.gateway.protocol;

import graphql.ExecutionInput;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.execution.preparsed.persisted.PersistedQueryCache;
import graphql.execution.preparsed.persisted.PersistedQueryCacheMiss;
import graphql.execution.preparsed.persisted.PersistedQuerySupport;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The persisted queries, parsed and validated, by their SHA-256 hash: at most {@code capacity},
 * the least recently used dropped first, because anyone may register a query and memory is not
 * endless. A dropped query costs its client one round trip: it is told {@code PersistedQueryNotFound}
 * and sends the query again. A query that failed to parse or validate is not kept.
 *
 * <p>GraphQL Java's own {@code InMemoryPersistedQueryCache} grows without bound, hence this one.
 */
class BoundedPersistedQueryCache implements PersistedQueryCache {

    private final Map<Object, PreparsedDocumentEntry> entries;

    BoundedPersistedQueryCache(int capacity) {
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Object, PreparsedDocumentEntry> eldest) {
                return size() > capacity;
            }
        };
    }

    @Override
    public CompletableFuture<PreparsedDocumentEntry> getPersistedQueryDocumentAsync(Object persistedQueryId,
            ExecutionInput executionInput, PersistedQueryCacheMiss onCacheMiss) {
        PreparsedDocumentEntry known;
        synchronized (entries) {
            known = entries.get(persistedQueryId);
        }
        if (known != null) {
            return CompletableFuture.completedFuture(known);
        }
        String query = executionInput.getQuery();
        // The miss handler answers PersistedQueryNotFound for an empty query or the marker; it checks
        // that a query sent with a hash has that hash, then parses and validates it.
        PreparsedDocumentEntry entry = onCacheMiss.apply(
                query == null || query.isBlank() ? PersistedQuerySupport.PERSISTED_QUERY_MARKER : query);
        if (!entry.hasErrors()) {
            synchronized (entries) {
                entries.put(persistedQueryId, entry);
            }
        }
        return CompletableFuture.completedFuture(entry);
    }

    int size() {
        synchronized (entries) {
            return entries.size();
        }
    }
}
