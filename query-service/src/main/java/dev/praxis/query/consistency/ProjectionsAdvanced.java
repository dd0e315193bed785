package dev.praxis.query.consistency;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.EventTrackerStatusChangeListener;
import org.springframework.stereotype.Component;

/**
 * Tells the reads that wait for a position ({@link ProjectionProgress#awaitProcessed}) that a
 * processor of this instance has moved on, so that they look again at once instead of polling.
 * Every tracking processor reports to it after each batch, once its status shows the batch's
 * position (Axon calls a status listener that validates positions on every change).
 *
 * <p>A processor's report costs one counter increment while no read waits.
 */
@Component
public class ProjectionsAdvanced implements EventTrackerStatusChangeListener {

    private final AtomicLong changes = new AtomicLong();
    private final AtomicInteger waiting = new AtomicInteger();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();

    @Override
    public void onEventTrackerStatusChange(Map<Integer, EventTrackerStatus> updatedTrackerStatus) {
        changes.incrementAndGet();
        // A waiter registers before it compares the count under the lock, so a waiter that compared
        // before this increment is counted here, and the signal waits for it to be waiting.
        if (waiting.get() > 0) {
            lock.lock();
            try {
                changed.signalAll();
            } finally {
                lock.unlock();
            }
        }
    }

    /** Report every new position, not only a start, stop or error. */
    @Override
    public boolean validatePositions() {
        return true;
    }

    /**
     * Runs {@code satisfied} until it holds or {@code nanos} have passed, looking again after each
     * report, and at the latest after the time the check answered (for progress that no processor
     * here reports: segments that other instances hold).
     */
    public boolean await(Check satisfied, long nanos) throws InterruptedException {
        long deadline = System.nanoTime() + nanos;
        while (true) {
            long seen = changes();
            long recheck = satisfied.recheckNanos();
            if (recheck < 0) {
                return true;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            awaitChange(seen, Math.min(left, recheck));
        }
    }

    /** How many reports there have been: read it before looking, and wait with {@link #awaitChange}. */
    public long changes() {
        return changes.get();
    }

    /** Waits until a processor reports after the count {@code seen} was read, at most {@code nanos}. */
    public void awaitChange(long seen, long nanos) throws InterruptedException {
        waiting.incrementAndGet();
        lock.lock();
        try {
            while (changes.get() == seen && nanos > 0) {
                nanos = changed.awaitNanos(nanos);
            }
        } finally {
            lock.unlock();
            waiting.decrementAndGet();
        }
    }

    /** A condition to wait for. */
    @FunctionalInterface
    public interface Check {
        /** A negative number when the condition holds; otherwise how long to wait at most before looking again. */
        long recheckNanos();

        static long holds() {
            return -1;
        }

        static long lookAgainAfter(long amount, TimeUnit unit) {
            return unit.toNanos(amount);
        }
    }
}
