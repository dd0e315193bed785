package dev.praxis.local;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** One service running as its own OS process, its output appended to a log file. */
final class ServiceProcess {

    private static final Logger log = LoggerFactory.getLogger(ServiceProcess.class);
    private static final int LOG_LINES_IN_ERRORS = 40;
    private static final Duration POLL_INTERVAL = Duration.ofMillis(250);

    private final Service service;
    private final Process process;
    private final Path logFile;
    private final URI healthUrl;
    private volatile boolean healthy;
    private volatile boolean stopping;

    private ServiceProcess(Service service, Process process, Path logFile, URI healthUrl) {
        this.service = service;
        this.process = process;
        this.logFile = logFile;
        this.healthUrl = healthUrl;
        // A crash after start-up would otherwise go unnoticed until a request fails.
        process.onExit().thenAccept(exited -> {
            if (healthy && !stopping) {
                log.warn("{} exited unexpectedly with code {}; see {}", service, exited.exitValue(), logFile);
            }
        });
    }

    static ServiceProcess launch(Service service, List<String> command, Path workingDir, Path logFile, int port) {
        try {
            Files.createDirectories(logFile.getParent());
            // One log per service across restarts; the banner tells the runs apart.
            Files.writeString(logFile, System.lineSeparator() + "===== " + Instant.now() + " starting " + service
                            + ": " + String.join(" ", command) + System.lineSeparator(),
                    StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            Process process = new ProcessBuilder(command)
                    // Not the user's directory: Spring Boot would pick up a stray ./config/application.yml there.
                    .directory(workingDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .start();
            log.info("Started {} (pid {}) on port {}; log: {}", service, process.pid(), port, logFile);
            return new ServiceProcess(service, process, logFile,
                    URI.create("http://127.0.0.1:" + port + "/actuator/health"));
        } catch (IOException e) {
            throw new LocalSystemException("Cannot launch " + service + ": " + e.getMessage(), e);
        }
    }

    /**
     * Waits until the actuator reports {@code UP}. Fails early when the process dies, and at the
     * deadline otherwise; either way the message carries the end of the log.
     */
    void awaitHealthy(Instant deadline, BooleanSupplier cancelled, HealthProbe probe) {
        String lastStatus = "not asked yet";
        try {
            while (true) {
                if (cancelled.getAsBoolean()) {
                    throw new LocalSystemException("Stopped waiting for " + service + ": the local system is closing");
                }
                if (!process.isAlive()) {
                    throw failure(service + " exited with code " + process.exitValue() + " while starting");
                }
                lastStatus = probe.status(healthUrl);
                if ("UP".equals(lastStatus)) {
                    healthy = true;
                    log.info("{} is healthy", service);
                    return;
                }
                if (Instant.now().isAfter(deadline)) {
                    throw failure(service + " did not become healthy in time (last health status: " + lastStatus
                            + " from " + healthUrl + ")");
                }
                Thread.sleep(POLL_INTERVAL.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LocalSystemException("Interrupted while waiting for " + service + " to become healthy", e);
        }
    }

    private LocalSystemException failure(String what) {
        return new LocalSystemException(what + ". Last " + LOG_LINES_IN_ERRORS + " lines of " + logFile + ":"
                + System.lineSeparator() + LogTail.lastLines(logFile, LOG_LINES_IN_ERRORS));
    }

    /** Asks the service to shut down (SIGTERM), so Spring closes its connections and processors cleanly. */
    void requestStop() {
        stopping = true;
        process.destroy();
    }

    /** Waits for the exit that {@link #requestStop()} asked for, killing the process when it takes too long. */
    void awaitStop(Duration grace) {
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                log.warn("{} did not stop within {} s; killing it", service, grace.toSeconds());
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    void stop(Duration grace) {
        requestStop();
        awaitStop(grace);
    }

    Service service() {
        return service;
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }
}
