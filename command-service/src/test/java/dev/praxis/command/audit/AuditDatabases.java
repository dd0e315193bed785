package dev.praxis.command.audit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.flywaydb.core.Flyway;

/** One embedded PostgreSQL 17 for the audit tests; each store is a database of its own. */
final class AuditDatabases {

    private static EmbeddedPostgres postgres;

    private AuditDatabases() {
    }

    /** A new, empty database (dropped first if it exists); not migrated. */
    static synchronized String newDatabaseUrl(String name) {
        try {
            if (postgres == null) {
                postgres = EmbeddedPostgres.builder().start();
            }
            try (var connection = postgres.getPostgresDatabase().getConnection();
                 var statement = connection.createStatement()) {
                statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
                statement.execute("CREATE DATABASE " + name);
            }
            return postgres.getJdbcUrl("postgres", name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A new database with the command service's schema, the hash chain's trigger included. */
    static String newStore(String name) {
        String url = newDatabaseUrl(name);
        Flyway.configure().dataSource(url, "postgres", "postgres").locations("classpath:db/migration").load().migrate();
        return url;
    }

    static Connection connect(String url) throws SQLException {
        return DriverManager.getConnection(url, "postgres", "postgres");
    }
}
