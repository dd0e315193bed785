package dev.praxis.query.replay;

import com.mongodb.client.MongoClient;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.mongodb.autoconfigure.MongoConnectionDetails;
import org.springframework.boot.mongodb.autoconfigure.MongoProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.MongoDatabaseFactory;
import org.springframework.util.StringUtils;

/**
 * The read database of the whole query service, routed by generation (blue/green replays): it
 * replaces Spring Boot's {@code MongoDatabaseFactory}, so that every {@code MongoTemplate} (the
 * projections', the queries') resolves collection names to their live generation, and a replay's
 * threads to the generation it builds.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ReplayProperties.class)
class ReplayConfiguration {

    @Bean
    Generations replayGenerations(MongoClient client, MongoProperties properties, MongoConnectionDetails details,
                                  ReplayProperties replay) {
        return new Generations(client.getDatabase(databaseName(properties, details)), replay.controlTtl());
    }

    @Bean
    MongoDatabaseFactory mongoDatabaseFactory(MongoClient client, MongoProperties properties,
                                              MongoConnectionDetails details, Generations generations) {
        return new GenerationRoutingDatabaseFactory(client, databaseName(properties, details), generations);
    }

    /** As Spring Boot names it: {@code spring.mongodb.database}, else the connection string's. */
    private static String databaseName(MongoProperties properties, MongoConnectionDetails details) {
        String name = properties.getDatabase();
        if (!StringUtils.hasText(name)) {
            name = details.getConnectionString().getDatabase();
        }
        if (!StringUtils.hasText(name)) {
            throw new IllegalStateException("The read database needs a name (spring.mongodb.uri or spring.mongodb.database)");
        }
        return name;
    }
}
