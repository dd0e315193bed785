package dev.praxis.command.bounty;

import dev.praxis.api.bounty.ExpireBounty;
import java.time.Clock;
import java.time.Duration;
import java.sql.Timestamp;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Ends bounties whose time ran out. The due dates are in PostgreSQL ({@code bounty_expiry}, written
 * with the events), so a restart loses none: every {@code praxis.bounty.check-interval} (30 s by
 * default) it sends {@link ExpireBounty} for each bounty due on the service's clock. A bounty
 * awarded or expired meanwhile ignores the command, so two instances may both send it.
 */
@Component
public class BountyExpiryScheduler implements SmartLifecycle {

    /** The actor of the acts the system does on its own. */
    public static final String SYSTEM_ACTOR = "system";

    private static final Logger log = LoggerFactory.getLogger(BountyExpiryScheduler.class);

    private final JdbcTemplate jdbc;
    private final CommandGateway commands;
    private final Clock clock;
    private final Duration interval;
    private ScheduledExecutorService executor;

    public BountyExpiryScheduler(JdbcTemplate jdbc, CommandGateway commands, Clock clock,
                                 @Value("${praxis.bounty.check-interval:30s}") Duration interval) {
        this.jdbc = jdbc;
        this.commands = commands;
        this.clock = clock;
        this.interval = interval;
    }

    /** Sends ExpireBounty for every bounty due now; answers how many it ended or found ended. */
    public int expireDueBounties() {
        List<ExpireBounty> due = jdbc.query(
                "SELECT question_id, round FROM bounty_expiry WHERE expires_at <= ? ORDER BY expires_at",
                (rs, row) -> new ExpireBounty(rs.getString(1), rs.getInt(2), SYSTEM_ACTOR, clock.instant()),
                Timestamp.from(clock.instant()));
        int done = 0;
        for (ExpireBounty command : due) {
            try {
                commands.sendAndWait(command);
                done++;
            } catch (RuntimeException e) {
                log.warn("Could not expire bounty {} of question {}: {}", command.round(), command.questionId(),
                        e.getMessage());
            }
        }
        return done;
    }

    @Override
    public synchronized void start() {
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "bounty-expiry");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(this::tick, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void tick() {
        try {
            expireDueBounties();
        } catch (RuntimeException e) {
            log.warn("Checking for due bounties failed: {}", e.getMessage());
        }
    }

    @Override
    public synchronized void stop() {
        if (executor != null) {
            executor.shutdownNow();
            try {
                executor.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            executor = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }

    /** Starts last and stops first; its first check is one interval after the start. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE;
    }
}
