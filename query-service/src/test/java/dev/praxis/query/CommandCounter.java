package dev.praxis.query;

import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/** Counts, per database, the commands a client sends that a test is about (hand it to {@link ProjectionHarness}). */
public final class CommandCounter implements CommandListener {

    private final Predicate<CommandStartedEvent> counted;
    private final Map<String, AtomicInteger> byDatabase = new ConcurrentHashMap<>();

    public CommandCounter(Predicate<CommandStartedEvent> counted) {
        this.counted = counted;
    }

    @Override
    public void commandStarted(CommandStartedEvent event) {
        if (counted.test(event)) {
            byDatabase.computeIfAbsent(event.getDatabaseName(), d -> new AtomicInteger()).incrementAndGet();
        }
    }

    /** The commands counted on the database so far. */
    public int count(String database) {
        AtomicInteger count = byDatabase.get(database);
        return count == null ? 0 : count.get();
    }
}
