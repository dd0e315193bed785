package dev.praxis.gateway.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long the gateway trusts a bearer token it has already verified without verifying its
 * signature again ({@link VerifiedTokenCache}).
 *
 * @param maxTokens the most verified tokens remembered at once (0 turns the cache off)
 * @param timeToLive how long a token is remembered after its verification. It bounds how long a
 *     token signed with a key that the identity provider has since withdrawn stays accepted, as the
 *     decoder's own cache of the provider's key set (5 minutes) does
 */
@ConfigurationProperties("praxis.security.token-cache")
public record TokenCacheProperties(
        @DefaultValue("4096") int maxTokens,
        @DefaultValue("5m") Duration timeToLive) {

    public TokenCacheProperties {
        if (maxTokens < 0) {
            throw new IllegalArgumentException("praxis.security.token-cache.max-tokens must not be negative");
        }
        if (timeToLive.isNegative()) {
            throw new IllegalArgumentException("praxis.security.token-cache.time-to-live must not be negative");
        }
    }
}
