package dev.praxis.gateway.client;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the query service listens and how long the gateway waits for it.
 *
 * @param url base URL of the internal query API
 * @param connectTimeout how long to wait for a connection
 * @param readTimeout how long to wait for an answer; longer than the query service's own
 *     consistency wait ({@code praxis.query.consistency-timeout}, 5 s by default), so that a read
 *     with {@code minPosition} ends with its 503 rather than with a gateway time-out
 */
@ConfigurationProperties("praxis.query-service")
public record QueryServiceProperties(
        @DefaultValue("http://localhost:8082") URI url,
        @DefaultValue("2s") Duration connectTimeout,
        @DefaultValue("10s") Duration readTimeout) {
}
