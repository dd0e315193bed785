package dev.praxis.query.pointintime;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Point-in-time answers, by what they describe and the position they describe it at: what was true
 * at a position never changes, so an entry never goes stale; the cache only bounds how many it
 * keeps, least recently used out first. ({@code praxis.query.point-in-time.cache-size}, 0 turns it
 * off; no caching library is on the query service's classpath, and a bounded LinkedHashMap is all
 * this needs.)
 */
@Component
public class PointInTimeCache {

    private final int capacity;
    private final Map<String, Object> entries;

    public PointInTimeCache(@Value("${praxis.query.point-in-time.cache-size:512}") int capacity) {
        this.capacity = capacity;
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Object> eldest) {
                return size() > PointInTimeCache.this.capacity;
            }
        };
    }

    /** The answer for (kind, key, position), computed once while it stays in the cache. */
    @SuppressWarnings("unchecked")
    public <T> T get(String kind, String key, long position, Supplier<T> compute) {
        if (capacity <= 0) {
            return compute.get();
        }
        String id = kind + "\u0000" + key + "\u0000" + position;
        synchronized (entries) {
            Object cached = entries.get(id);
            if (cached != null) {
                return (T) cached;
            }
        }
        T computed = compute.get();
        synchronized (entries) {
            entries.put(id, computed);
        }
        return computed;
    }
}
