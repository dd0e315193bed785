package dev.praxis.local;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** Embedded PostgreSQL 17 holding the event store, in a data directory that outlives the process. */
final class LocalPostgres implements AutoCloseable {

    static final String DATABASE = "praxis";
    /** The embedded server trusts local connections; the services still send a password, as in production. */
    static final String USER = "postgres";
    static final String PASSWORD = "postgres";

    private final EmbeddedPostgres postgres;

    private LocalPostgres(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    static LocalPostgres start(Path dataDir, Path logFile, int port) {
        EmbeddedPostgres postgres;
        try {
            Files.createDirectories(dataDir);
            Files.createDirectories(logFile.getParent());
            postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    // LocalSystem owns shutdown, so that the services stop before the database does.
                    .setRegisterShutdownHook(false)
                    // The read side's tracking tokens live in MongoDB. With asynchronous commits a crash
                    // could lose events that a projection already processed, and the next events would
                    // reuse their global index, unseen by the projections. So commits are durable here.
                    .setServerConfig("synchronous_commit", "on")
                    .setOutputRedirector(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .setErrorRedirector(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .start();
        } catch (IOException | RuntimeException e) {
            throw new LocalSystemException("PostgreSQL did not start on port " + port + " with data in " + dataDir
                    + ": " + e.getMessage() + System.lineSeparator()
                    + "Last lines of " + logFile + ":" + System.lineSeparator() + LogTail.lastLines(logFile, 40), e);
        }
        LocalPostgres local = new LocalPostgres(postgres);
        try {
            local.createDatabaseIfAbsent();
        } catch (RuntimeException e) {
            local.close();
            throw e;
        }
        return local;
    }

    private void createDatabaseIfAbsent() {
        try (Connection connection = postgres.getPostgresDatabase().getConnection()) {
            try (PreparedStatement exists = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
                exists.setString(1, DATABASE);
                try (ResultSet rows = exists.executeQuery()) {
                    if (rows.next()) {
                        return;
                    }
                }
            }
            try (Statement create = connection.createStatement()) {
                create.execute("CREATE DATABASE " + DATABASE);
            }
        } catch (SQLException e) {
            throw new LocalSystemException("Cannot create the database '" + DATABASE + "': " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new LocalSystemException("PostgreSQL did not stop cleanly: " + e.getMessage(), e);
        }
    }
}
