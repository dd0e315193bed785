package dev.praxis.command.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Seals checkpoints every {@code praxis.audit.checkpoint.interval} (1 min by default), only over
 * positions that can no longer change. Global positions are handed out when an event is inserted, not
 * when its transaction commits: a position below the newest one may still be filled by a transaction in
 * flight. So each run first observes the head (the newest committed position) with the transaction
 * horizon of that moment ({@code pg_snapshot_xmax}), and a later run seals up to that head only once
 * every transaction open at the observation has ended ({@code pg_snapshot_xmin} has passed the horizon)
 * and {@code settle} (10 s) has gone by.
 */
@Component
public class CheckpointJob implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(CheckpointJob.class);

    private record Observation(long head, String horizon, Instant at) {
    }

    private final DataSource dataSource;
    private final Clock clock;
    private final boolean enabled;
    private final Duration interval;
    private final Duration settle;
    private final int maxEvents;
    private Observation pending;
    private ScheduledExecutorService executor;

    public CheckpointJob(DataSource dataSource, Clock clock,
                         @Value("${praxis.audit.checkpoint.enabled:true}") boolean enabled,
                         @Value("${praxis.audit.checkpoint.interval:1m}") Duration interval,
                         @Value("${praxis.audit.checkpoint.settle:10s}") Duration settle,
                         @Value("${praxis.audit.checkpoint.max-events:10000}") int maxEvents) {
        this.dataSource = dataSource;
        this.clock = clock;
        this.enabled = enabled;
        this.interval = interval;
        this.settle = settle;
        this.maxEvents = maxEvents;
    }

    /** One run: seals up to the head observed on an earlier run when it is safe, then observes the head again. */
    public synchronized List<Checkpoints.Sealed> run() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            List<Checkpoints.Sealed> sealed = List.of();
            if (pending != null && pending.head() >= 0
                    && !clock.instant().isBefore(pending.at().plus(settle)) && settled(connection, pending.horizon())) {
                sealed = new Checkpoints(connection, maxEvents).sealUpTo(pending.head());
            }
            pending = observe(connection);
            return sealed;
        }
    }

    private Observation observe(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT coalesce(max(global_index), -1), "
                + "pg_snapshot_xmax(pg_current_snapshot())::text FROM domain_event_entry");
             ResultSet rs = statement.executeQuery()) {
            rs.next();
            return new Observation(rs.getLong(1), rs.getString(2), clock.instant());
        }
    }

    /** Whether every transaction that was open when the horizon was taken has ended. */
    private static boolean settled(Connection connection, String horizon) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT pg_snapshot_xmin(pg_current_snapshot()) >= ?::xid8")) {
            statement.setString(1, horizon);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    @Override
    public synchronized void start() {
        if (!enabled) {
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "audit-checkpoints");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(() -> {
            try {
                List<Checkpoints.Sealed> sealed = run();
                sealed.forEach(c -> log.info("Sealed checkpoint {} over positions {}..{} ({} events): {}",
                        c.number(), c.from(), c.to(), c.eventCount(), c.hash()));
            } catch (Checkpoints.SealingRefusedException e) {
                log.error("{}; run ./praxis-audit verify for details", e.getMessage());
            } catch (Exception e) {
                log.warn("Could not seal checkpoints: {}", e.getMessage());
            }
        }, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }
}
