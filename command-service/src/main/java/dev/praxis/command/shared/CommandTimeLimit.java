package dev.praxis.command.shared;

import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.timeout.AxonTimeoutException;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The time limit on handling a command, in place of Axon's (its timeout auto-configuration is
 * excluded in application.yml).
 *
 * <p>Axon's limits take the handling thread's whole stack trace when each command starts (to name
 * the class that started it) and schedule a warning for every command and limit, then cancel it:
 * 7.5% of this service's samples in a profile at 200 commands per second. This one notes the thread and the time when
 * a command starts, and one janitor thread looks at the commands in flight a few times a second. A
 * command still running after the warning threshold is logged with what its thread is doing at that
 * moment (the stack trace is taken only then), again every warning interval, and at the timeout its
 * thread is interrupted. A command whose handler swallowed the interruption and returned fails all the
 * same, with Axon's {@link AxonTimeoutException}, as under Axon's limit: it ran out of time, and its
 * unit of work rolls back.
 */
@Component
public class CommandTimeLimit implements MessageHandlerInterceptor<CommandMessage<?>> {

    private static final Logger log = LoggerFactory.getLogger(CommandTimeLimit.class);

    private final long timeoutNanos;
    private final long warningNanos;
    private final long intervalNanos;
    private final Set<Running> inFlight = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService janitor = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "command-time-limit");
        thread.setDaemon(true);
        return thread;
    });

    public CommandTimeLimit(CommandBus commandBus,
                            @Value("${praxis.command.time-limit.timeout:30s}") Duration timeout,
                            @Value("${praxis.command.time-limit.warning-threshold:10s}") Duration warningThreshold,
                            @Value("${praxis.command.time-limit.warning-interval:1s}") Duration warningInterval,
                            @Value("${praxis.command.time-limit.check-every:100ms}") Duration checkEvery) {
        if (!positive(timeout) || !positive(warningThreshold) || !positive(warningInterval) || !positive(checkEvery)) {
            throw new IllegalArgumentException("praxis.command.time-limit: every duration must be positive");
        }
        this.timeoutNanos = timeout.toNanos();
        this.warningNanos = warningThreshold.toNanos();
        this.intervalNanos = warningInterval.toNanos();
        janitor.scheduleWithFixedDelay(this::check, checkEvery.toNanos(), checkEvery.toNanos(), TimeUnit.NANOSECONDS);
        commandBus.registerHandlerInterceptor(this);
    }

    private static boolean positive(Duration duration) {
        return !duration.isNegative() && !duration.isZero();
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        Running command = new Running(unitOfWork.getMessage().getCommandName(), Thread.currentThread(), System.nanoTime(),
                warningNanos);
        inFlight.add(command);
        Object result;
        try {
            result = chain.proceed();
        } catch (Exception | Error failed) {
            inFlight.remove(command);
            if (command.finish()) {
                throw outOfTime(command);
            }
            throw failed;
        }
        inFlight.remove(command);
        if (command.finish()) {
            throw outOfTime(command); // its handler swallowed the interruption
        }
        return result;
    }

    private AxonTimeoutException outOfTime(Running command) {
        return new AxonTimeoutException(command.name + " was interrupted at its time limit of "
                + TimeUnit.NANOSECONDS.toMillis(timeoutNanos) + " ms");
    }

    /** The janitor's round: warns about slow commands and interrupts those out of time. */
    void check() {
        long now = System.nanoTime();
        for (Running command : inFlight) {
            long elapsed = now - command.started;
            try {
                if (elapsed >= timeoutNanos) {
                    if (command.interrupt()) {
                        log.error("Command {} ran for {} ms, past its time limit: its thread is interrupted. It was at:{}",
                                command.name, TimeUnit.NANOSECONDS.toMillis(elapsed), command.stack());
                    }
                } else if (elapsed >= command.nextWarning) {
                    command.nextWarning += intervalNanos;
                    log.warn("Command {} has run for {} ms; it is interrupted in {} ms. Its thread is at:{}", command.name,
                            TimeUnit.NANOSECONDS.toMillis(elapsed), TimeUnit.NANOSECONDS.toMillis(timeoutNanos - elapsed),
                            command.stack());
                }
            } catch (RuntimeException e) {
                log.debug("Checking command {} failed", command.name, e);
            }
        }
    }

    @PreDestroy
    void stop() {
        janitor.shutdownNow();
    }

    /** A command being handled; its thread is interrupted at most once, and never after the command finished. */
    private static final class Running {

        private final String name;
        private final Thread thread;
        private final long started;
        /** When (since the start) the next warning is due; the janitor's alone. */
        private long nextWarning;
        private boolean finished;
        private boolean interrupted;

        Running(String name, Thread thread, long started, long firstWarning) {
            this.name = name;
            this.thread = thread;
            this.started = started;
            this.nextWarning = firstWarning;
        }

        synchronized boolean interrupt() {
            if (finished || interrupted) {
                return false;
            }
            interrupted = true;
            thread.interrupt();
            return true;
        }

        /**
         * Ends the command on its own thread; answers whether the janitor interrupted it, and then
         * clears the interruption, which must not reach the next request the thread serves.
         */
        synchronized boolean finish() {
            if (!finished) {
                finished = true;
                if (interrupted) {
                    Thread.interrupted();
                }
            }
            return interrupted;
        }

        String stack() {
            return Arrays.stream(thread.getStackTrace()).map(frame -> "\n\tat " + frame).collect(Collectors.joining());
        }
    }
}
