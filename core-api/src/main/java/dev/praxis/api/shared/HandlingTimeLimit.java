package dev.praxis.api.shared;

import java.time.Duration;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.axonframework.messaging.timeout.AxonTimeoutException;
import org.slf4j.Logger;

/**
 * A time limit on the handling of messages (a command, a projection's batch of events), in place of
 * Axon's. Axon's limits take the handling thread's whole stack trace when each task starts (to name
 * the class that started it) and schedule a warning for every task, then cancel it: 7.5% of the
 * command service's samples at 200 commands per second, 2.7% of the query service's.
 *
 * <p>This one notes the thread and the time when a task starts, and one janitor thread looks at the
 * tasks in flight a few times a second. A task still running after the warning threshold is logged
 * with what its thread is doing at that moment (the stack trace is taken only then), again every
 * warning interval, and at the timeout its thread is interrupted. A task whose code swallowed the
 * interruption ends in Axon's {@link AxonTimeoutException} all the same ({@link Task#finish}), as
 * under Axon's limit, and no interruption is left on the thread for its next task.
 */
public final class HandlingTimeLimit implements AutoCloseable {

    private final String kind;
    private final long timeoutNanos;
    private final long warningNanos;
    private final long intervalNanos;
    private final Logger log;
    private final Set<Task> inFlight = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService janitor;

    /** {@code kind}: what a task is, for the log ("Command", "Batch of"); {@code log}: where to warn. */
    public HandlingTimeLimit(String kind, Duration timeout, Duration warningThreshold, Duration warningInterval,
                             Duration checkEvery, Logger log) {
        if (!positive(timeout) || !positive(warningThreshold) || !positive(warningInterval) || !positive(checkEvery)) {
            throw new IllegalArgumentException("A time limit's durations must be positive");
        }
        this.kind = kind;
        this.timeoutNanos = timeout.toNanos();
        this.warningNanos = warningThreshold.toNanos();
        this.intervalNanos = warningInterval.toNanos();
        this.log = log;
        this.janitor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "time-limit-" + kind.toLowerCase().replace(' ', '-'));
            thread.setDaemon(true);
            return thread;
        });
        janitor.scheduleWithFixedDelay(this::check, checkEvery.toNanos(), checkEvery.toNanos(), TimeUnit.NANOSECONDS);
    }

    private static boolean positive(Duration duration) {
        return !duration.isNegative() && !duration.isZero();
    }

    /** Starts the limit of a task that runs on the current thread; end it with {@link Task#finish}. */
    public Task start(String name) {
        Task task = new Task(name, Thread.currentThread(), System.nanoTime(), warningNanos);
        inFlight.add(task);
        return task;
    }

    /** The janitor's round: warns about slow tasks and interrupts those out of time. */
    void check() {
        long now = System.nanoTime();
        for (Task task : inFlight) {
            long elapsed = now - task.started;
            try {
                if (elapsed >= timeoutNanos) {
                    if (!task.wasInterrupted()) {
                        String stack = task.stack(); // where it is stuck: before the interruption moves it on
                        if (task.interrupt()) {
                            log.error("{} {} ran for {} ms, past its time limit: its thread is interrupted. It was at:{}",
                                    kind, task.name, TimeUnit.NANOSECONDS.toMillis(elapsed), stack);
                        }
                    }
                } else if (elapsed >= task.nextWarning) {
                    task.nextWarning += intervalNanos;
                    log.warn("{} {} has run for {} ms; it is interrupted in {} ms. Its thread is at:{}", kind, task.name,
                            TimeUnit.NANOSECONDS.toMillis(elapsed), TimeUnit.NANOSECONDS.toMillis(timeoutNanos - elapsed),
                            task.stack());
                }
            } catch (RuntimeException e) {
                log.debug("Checking {} {} failed", kind, task.name, e);
            }
        }
    }

    @Override
    public void close() {
        janitor.shutdownNow();
    }

    /** A task being handled; its thread is interrupted at most once, and never after the task finished. */
    public final class Task {

        private final String name;
        private final Thread thread;
        private final long started;
        /** When (since the start) the next warning is due; the janitor's alone. */
        private long nextWarning;
        private boolean finished;
        private boolean interrupted;

        private Task(String name, Thread thread, long started, long firstWarning) {
            this.name = name;
            this.thread = thread;
            this.started = started;
            this.nextWarning = firstWarning;
        }

        private synchronized boolean wasInterrupted() {
            return interrupted;
        }

        private synchronized boolean interrupt() {
            if (finished || interrupted) {
                return false;
            }
            interrupted = true;
            thread.interrupt();
            return true;
        }

        /**
         * Ends the task on its own thread. When the janitor interrupted it, the interruption is
         * cleared (it must not reach the thread's next task) and the task's timeout is thrown.
         */
        public void finish() throws AxonTimeoutException {
            inFlight.remove(this);
            boolean outOfTime;
            synchronized (this) {
                if (!finished) {
                    finished = true;
                    if (interrupted) {
                        Thread.interrupted();
                    }
                }
                outOfTime = interrupted;
            }
            if (outOfTime) {
                throw new AxonTimeoutException(kind + " " + name + " was interrupted at its time limit of "
                        + TimeUnit.NANOSECONDS.toMillis(timeoutNanos) + " ms");
            }
        }

        private String stack() {
            return Arrays.stream(thread.getStackTrace()).map(frame -> "\n\tat " + frame).collect(Collectors.joining());
        }
    }
}
