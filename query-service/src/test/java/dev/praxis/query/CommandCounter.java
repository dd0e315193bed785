package dev.praxis.query;

import static org.assertj.core.api.Assertions.assertThat;

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

    /**
     * Asserts that the projection sent at most {@code share} of the commands in one batch (the
     * database {@code batched}) that it sent one event at a time ({@code alone}): {@code what} names
     * them in the failure.
     */
    public void assertAtMost(double share, String what, String batched, String alone) {
        int inBatch = count(batched);
        int oneByOne = count(alone);
        assertThat((double) inBatch).as("%s in one batch (%d) against one by one (%d)", what, inBatch, oneByOne)
                .isLessThanOrEqualTo(share * oneByOne);
    }
}
