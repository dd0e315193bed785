package dev.praxis.gateway;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The public GraphQL entry point of Praxis: it authenticates callers, turns mutations into
 * commands for the command service and answers queries from the query service's read models.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class GatewayApplication {

    /**
     * How many idle connections to each backend HttpURLConnection keeps open for reuse (the JDK's
     * default is 5). Every request of the gateway's clients makes calls of its own to the query
     * service, so with more concurrent requests than that, the connections beyond five were closed
     * after each call and opened again for the next one.
     */
    static final String KEPT_ALIVE_CONNECTIONS = "256";

    public static void main(String[] args) {
        // read once, when the JDK's keep-alive cache is first used; an operator's -D still wins
        if (System.getProperty("http.maxConnections") == null) {
            System.setProperty("http.maxConnections", KEPT_ALIVE_CONNECTIONS);
        }
        SpringApplication.run(GatewayApplication.class, args);
    }
}
