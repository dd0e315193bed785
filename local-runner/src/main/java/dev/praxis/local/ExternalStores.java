package dev.praxis.local;

import java.util.Objects;

/**
 * Stores that run elsewhere (a PostgreSQL and a MongoDB of one's own, as in production), which the
 * local system then does not start: the services are pointed at them instead. Either may be absent.
 *
 * @param postgres the event store's database, or null for the embedded PostgreSQL
 * @param mongoUri the read models' database ({@code mongodb://host:port/database}), or null for the
 *                 embedded MongoDB server
 */
public record ExternalStores(Postgres postgres, String mongoUri) {

    public static final ExternalStores NONE = new ExternalStores(null, null);

    public ExternalStores {
        if (mongoUri != null && !mongoUri.matches("mongodb(\\+srv)?://[^/]+/[^/?]+.*")) {
            throw new IllegalArgumentException(
                    "A MongoDB URI starts with mongodb:// or mongodb+srv:// and names its database: " + mongoUri);
        }
    }

    /** A PostgreSQL database by its JDBC URL, with the user the services log in as. */
    public record Postgres(String jdbcUrl, String user, String password) {

        public Postgres {
            Objects.requireNonNull(jdbcUrl, "jdbcUrl");
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(password, "password");
            if (!jdbcUrl.startsWith("jdbc:postgresql:")) {
                throw new IllegalArgumentException("A PostgreSQL JDBC URL starts with jdbc:postgresql: " + jdbcUrl);
            }
        }
    }
}
