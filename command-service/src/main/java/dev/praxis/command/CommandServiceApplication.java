package dev.praxis.command;

import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/** The write side: Axon aggregates behind an internal HTTP command API, events in PostgreSQL. */
@SpringBootApplication
public class CommandServiceApplication {

    /** The clock that stamps live commands; a test or an importer may supply another. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    public static void main(String[] args) {
        // Axon reports usage to its vendor unless told not to; Praxis makes no calls it does not need.
        System.setProperty("axoniq.update-checker.disabled", "true");
        SpringApplication.run(CommandServiceApplication.class, args);
    }
}
