package dev.praxis.query.replay;

import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * What the threads of a replay write to: a generation (a suffix of the collection names) for the
 * collections of the projections being rebuilt. A projection's collections are the ones its
 * {@code @ResetHandler} touches (it drops them, and usually declares their indexes again): the
 * replay runs each reset handler once in {@linkplain #recording(String) recording mode} and learns
 * them. Every other collection a replayed handler reads or writes (another projection's) is the
 * live one.
 */
final class ReplayTarget {

    private static final ThreadLocal<ReplayTarget> CURRENT = new ThreadLocal<>();

    private final int generation;
    private final Map<String, Set<String>> collections = new LinkedHashMap<>();
    private volatile String recording;

    ReplayTarget(int generation, Collection<String> groups, Map<String, ? extends Collection<String>> known) {
        this.generation = generation;
        for (String group : groups) {
            Set<String> owned = ConcurrentHashMap.newKeySet();
            Collection<String> before = known.get(group);
            if (before != null) {
                owned.addAll(before);
            }
            collections.put(group, owned);
        }
    }

    int generation() {
        return generation;
    }

    /** The collections of each replayed projection (those learned so far). */
    Map<String, Set<String>> collections() {
        Map<String, Set<String>> copy = new LinkedHashMap<>();
        collections.forEach((group, owned) -> copy.put(group, Set.copyOf(owned)));
        return copy;
    }

    /** Whether the collection belongs to a projection of this replay (and so lives in its generation). */
    boolean owns(String collection) {
        String group = recording;
        if (group != null) {
            collections.get(group).add(collection);
            return true;
        }
        for (Set<String> owned : collections.values()) {
            if (owned.contains(collection)) {
                return true;
            }
        }
        return false;
    }

    /** Runs {@code work} (a reset handler) with every collection it touches counted as the group's. */
    <T> T recording(String group, Supplier<T> work) {
        recording = group;
        try {
            return within(work);
        } finally {
            recording = null;
        }
    }

    /** Runs {@code work} on this thread as a thread of the replay. */
    <T> T within(Supplier<T> work) {
        ReplayTarget previous = CURRENT.get();
        CURRENT.set(this);
        try {
            return work.get();
        } finally {
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
        }
    }

    /** A thread that runs entirely as a thread of the replay (the replay processor's threads). */
    Runnable bind(Runnable runnable) {
        return () -> within(() -> {
            runnable.run();
            return null;
        });
    }

    static ReplayTarget current() {
        return CURRENT.get();
    }

    Set<String> allCollections() {
        Set<String> all = new HashSet<>();
        collections.values().forEach(all::addAll);
        return all;
    }
}
