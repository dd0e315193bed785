package dev.praxis.gateway.client;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the command service listens and how long the gateway waits for it.
 *
 * @param url base URL of the internal command API
 * @param connectTimeout how long to wait for a connection
 * @param readTimeout how long to wait for the answer to one command
 */
@ConfigurationProperties("praxis.command-service")
public record CommandServiceProperties(
        @DefaultValue("http://localhost:8081") URI url,
        @DefaultValue("2s") Duration connectTimeout,
        @DefaultValue("10s") Duration readTimeout) {
}
