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
        // Sent without its query (the hash alone, which Spring for GraphQL marks), a query we do not
        // know is PersistedQueryNotFound: the miss handler says so for a null query. Otherwise it
        // checks that the query has the hash it came with, then parses and validates it.
        boolean hashAlone = query == null || query.isBlank() || PersistedQuerySupport.PERSISTED_QUERY_MARKER.equals(query);
        PreparsedDocumentEntry entry = onCacheMiss.apply(hashAlone ? null : query);
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
