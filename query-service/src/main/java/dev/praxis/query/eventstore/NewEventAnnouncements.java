package dev.praxis.query.eventstore;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.postgresql.Driver;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Wakes the processors when PostgreSQL announces new events (the trigger of the command service's
 * migration V99 notifies the channel {@value #CHANNEL} on every commit that stored events), so that
 * a processor at the head of the stream sees an event within milliseconds of its commit instead of
 * at its next poll. Polling stays as the fallback ({@code praxis.query.fetch-delay-ms}): a lost
 * notification, or a store whose schema predates the trigger, only costs that delay.
 *
 * <p>It listens on a connection of its own, outside the pool: a listening session must stay open,
 * and a pooled connection would be handed to others. A connection that fails is opened again with
 * a growing pause (up to {@link #MAX_PAUSE}); the processors are woken once it listens again, since
 * events may have been stored meanwhile. An idle connection is checked with a query every
 * {@link #IDLE_CHECK}, so that a connection that died silently is noticed.
 *
 * <p>NOTIFY costs the writers little at the rates of a community (PostgreSQL serialises the commits
 * of notifying transactions, which would matter from thousands of commits a second).
 */
@Component
public class NewEventAnnouncements implements SmartLifecycle {

    static final String CHANNEL = "praxis_events";
    /** Names the listening session in pg_stat_activity. */
    static final String APPLICATION_NAME = "praxis-query-announcements";
    static final Duration IDLE_CHECK = Duration.ofSeconds(10);
    /** How long one wait for notifications lasts: also how soon the thread notices that it should stop. */
    private static final int WAIT_MILLIS = 500;
    static final Duration FIRST_PAUSE = Duration.ofMillis(200);
    static final Duration MAX_PAUSE = Duration.ofSeconds(30);

    private static final Logger log = LoggerFactory.getLogger(NewEventAnnouncements.class);

    private final WakeableEventStore store;
    private final AnnouncedHead head;
    private final String url;
    private final Properties credentials = new Properties();
    private volatile boolean running;
    private Thread thread;

    public NewEventAnnouncements(WakeableEventStore store, AnnouncedHead head, MeterRegistry meters,
                                 @Value("${spring.datasource.url}") String url,
                                 @Value("${spring.datasource.username:}") String username,
                                 @Value("${spring.datasource.password:}") String password) {
        this.store = store;
        this.head = head;
        this.url = url;
        if (!username.isEmpty()) {
            credentials.setProperty("user", username);
        }
        if (!password.isEmpty()) {
            credentials.setProperty("password", password);
        }
        credentials.setProperty("ApplicationName", APPLICATION_NAME);
        // no statement of this session may hang on a silent network: the waits for notifications set
        // their own, shorter timeout; the keep-alive lets the kernel notice a peer that vanished
        credentials.setProperty("socketTimeout", "30");
        credentials.setProperty("tcpKeepAlive", "true");
        Gauge.builder("praxis.eventstore.listening", this, a -> a.listening() ? 1 : 0)
                .description("1 while the query service listens for the event store's announcements of new events,"
                        + " 0 while it only polls")
                .register(meters);
    }

    /** Whether the announcements arrive now (else the processors poll). */
    public boolean listening() {
        return head.listening();
    }

    @Override
    public synchronized void start() {
        running = true;
        thread = new Thread(this::run, "praxis-event-announcements");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public synchronized void stop() {
        running = false;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(TimeUnit.SECONDS.toMillis(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            thread = null;
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void run() {
        Duration pause = FIRST_PAUSE;
        boolean failedBefore = false;
        while (running) {
            try (Connection listener = connect()) {
                try (Statement statement = listener.createStatement()) {
                    statement.execute("LISTEN " + CHANNEL);
                }
                // whatever was stored while no one listened: read, and without a bound of what is there
                head.announced(OptionalLong.empty());
                head.listening(true);
                if (failedBefore) {
                    log.info("Listening again for new events on the event store's channel {}", CHANNEL);
                }
                pause = FIRST_PAUSE;
                store.wake();
                listen(listener);
            } catch (SQLException | RuntimeException e) {
                if (!running) {
                    break;
                }
                if (head.listening() || !failedBefore) {
                    log.warn("Not listening for new events on {} ({}); the processors poll until the connection is back",
                            CHANNEL, e.getMessage());
                }
                failedBefore = true;
            } finally {
                head.listening(false);
            }
            if (!running || !pauseBeforeRetry(pause)) {
                break;
            }
            Duration doubled = pause.multipliedBy(2);
            pause = doubled.compareTo(MAX_PAUSE) > 0 ? MAX_PAUSE : doubled;
        }
    }

    private Connection connect() throws SQLException {
        // the driver itself, not DriverManager, which may not see it from a Spring Boot jar's class loader
        Connection connection = new Driver().connect(url, credentials);
        if (connection == null) {
            throw new SQLException("not a PostgreSQL URL: " + url);
        }
        return connection;
    }

    private void listen(Connection listener) throws SQLException {
        PGConnection postgres = listener.unwrap(PGConnection.class);
        long checkDue = System.nanoTime() + IDLE_CHECK.toNanos();
        while (running) {
            PGNotification[] notifications = postgres.getNotifications(WAIT_MILLIS);
            if (notifications != null && notifications.length > 0) {
                for (PGNotification notification : notifications) {
                    head.announced(highestIndex(notification.getParameter()));
                }
                store.wake();
                checkDue = System.nanoTime() + IDLE_CHECK.toNanos();
            } else if (System.nanoTime() - checkDue > 0) {
                if (!listener.isValid((int) IDLE_CHECK.toSeconds())) {
                    throw new SQLException("the listening connection no longer answers");
                }
                checkDue = System.nanoTime() + IDLE_CHECK.toNanos();
            }
        }
    }

    /** The highest global index an announcement names (V100), none when it names none (V99's empty payload). */
    static OptionalLong highestIndex(String payload) {
        if (payload == null || payload.isBlank()) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseLong(payload.trim()));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    private boolean pauseBeforeRetry(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
            return running;
        } catch (InterruptedException e) {
            return false;
        }
    }
}
