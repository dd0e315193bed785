package dev.praxis.query;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The read side: Axon tracking processors tail the PostgreSQL event store and keep read models,
 * shaped for their queries, in MongoDB; an internal HTTP API serves them to the gateway.
 */
@SpringBootApplication
public class QueryServiceApplication {

    public static void main(String[] args) {
        // Axon reports usage to its vendor unless told not to; Praxis makes no calls it does not need.
        System.setProperty("axoniq.update-checker.disabled", "true");
        SpringApplication.run(QueryServiceApplication.class, args);
    }
}
