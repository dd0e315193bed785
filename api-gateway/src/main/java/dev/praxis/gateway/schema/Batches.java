package dev.praxis.gateway.schema;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.function.Function;

/** Helpers for {@code @BatchMapping} methods, which answer a value per parent object. */
public final class Batches {

    private Batches() {
    }

    /**
     * Each parent with its value; a parent without one is left out, which GraphQL reads as null
     * (the map cannot hold null values).
     */
    public static <P, V> Map<P, V> associate(Collection<P> parents, Function<P, V> valueOf) {
        Map<P, V> values = new HashMap<>();
        for (P parent : parents) {
            V value = valueOf.apply(parent);
            if (value != null) {
                values.put(parent, value);
            }
        }
        return values;
    }

    /**
     * One batch read for the ids the parents name, run when the data loader dispatches: parents
     * without an id, or whose id the read does not answer, map to null.
     */
    public static <P, V> Callable<Map<P, V>> load(List<P> parents, Function<P, String> idOf,
                                                  Function<List<String>, Map<String, V>> batch) {
        return () -> {
            List<String> ids = parents.stream().map(idOf).filter(Objects::nonNull).distinct().toList();
            Map<String, V> found = ids.isEmpty() ? Map.of() : batch.apply(ids);
            return associate(parents, parent -> {
                String id = idOf.apply(parent);
                return id == null ? null : found.get(id);
            });
        };
    }

    /** A list the read side may have left out of its JSON, as an empty list. */
    public static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
