package dev.praxis.gateway.subscription;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How subscriptions follow the query service's change feed.
 *
 * @param pollWait how long one long poll of {@code GET /changes} waits for news; shorter than
 *     {@code praxis.query-service.read-timeout}
 * @param maxWaitingPolls the most long polls in flight at once (each holds a thread while it waits);
 *     polls beyond it queue, so their subscriptions hear of changes later
 */
@ConfigurationProperties("praxis.subscriptions")
public record SubscriptionProperties(
        @DefaultValue("5s") Duration pollWait,
        @DefaultValue("256") int maxWaitingPolls) {
}
