package dev.praxis.gateway.schema;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

    /** A list the read side may have left out of its JSON, as an empty list. */
    public static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
