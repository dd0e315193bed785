package dev.praxis.query;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.InetSocketAddress;
import org.flywaydb.core.Flyway;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The real stores a query-service test runs the service on: embedded PostgreSQL with the command
 * service's migrations (the event store's schema) and the embedded MongoDB server.
 */
public record TestStores(EmbeddedPostgres postgres, MongoServer mongo) {

    /**
     * Starts both and gives Spring their addresses, from a {@code @DynamicPropertySource} method.
     * They live as long as the test JVM: Spring caches the context beyond the test class.
     */
    public static TestStores start(DynamicPropertyRegistry registry) throws IOException {
        EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
        Flyway.configure().dataSource(postgres.getPostgresDatabase())
                .locations("filesystem:../command-service/src/main/resources/db/migration").load().migrate();
        MongoServer mongo = new MongoServer(new MemoryBackend());
        InetSocketAddress address = mongo.bind();
        registry.add("spring.datasource.url", () -> postgres.getJdbcUrl("postgres", "postgres"));
        registry.add("spring.mongodb.uri", () -> "mongodb://127.0.0.1:" + address.getPort() + "/praxis");
        return new TestStores(postgres, mongo);
    }
}
