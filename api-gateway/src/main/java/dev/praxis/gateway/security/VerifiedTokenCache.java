package dev.praxis.gateway.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidationException;

/**
 * A {@link JwtDecoder} that verifies each bearer token once and then remembers it for a while. A
 * client sends the same token with every request until it expires, and verifying its RSA signature
 * was the largest single cost of a GraphQL read in the gateway (an eighth of its profile's samples on
 * a page of 20 questions, on the C1 compiler).
 *
 * <p>Only tokens that the wrapped decoder accepted are remembered, under their exact text, so a
 * token that differs in one character is verified afresh, and a refused one is refused again every
 * time. What a verification checks does not change with time (signature, issuer, audience), except
 * the token's validity period: that is checked again on every use, with the same clock skew as
 * Spring Security's default validator, so a remembered token stops working when it expires. A
 * token is remembered for {@link TokenCacheProperties#timeToLive()} at most, which bounds how long
 * a token signed with a key the identity provider has withdrawn is still accepted.
 */
public final class VerifiedTokenCache implements JwtDecoder {

    private final JwtDecoder verifier;
    private final OAuth2TokenValidator<Jwt> validityPeriod;
    private final Cache<String, Jwt> verified;

    public VerifiedTokenCache(JwtDecoder verifier, TokenCacheProperties properties, Clock clock) {
        this.verifier = verifier;
        JwtTimestampValidator timestamps = new JwtTimestampValidator();
        timestamps.setClock(clock);
        this.validityPeriod = timestamps;
        this.verified = Caffeine.newBuilder()
                .maximumSize(properties.maxTokens())
                .expireAfterWrite(properties.timeToLive())
                .ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis()))
                .build();
    }

    /** Turned off by a size or a time to live of zero: every token is then verified on every use. */
    static JwtDecoder wrap(JwtDecoder verifier, TokenCacheProperties properties, Clock clock) {
        if (verifier instanceof VerifiedTokenCache || properties.maxTokens() == 0
                || properties.timeToLive().equals(Duration.ZERO)) {
            return verifier;
        }
        return new VerifiedTokenCache(verifier, properties, clock);
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Jwt remembered = verified.getIfPresent(token);
        if (remembered == null) {
            Jwt jwt = verifier.decode(token);
            verified.put(token, jwt);
            return jwt;
        }
        OAuth2TokenValidatorResult result = validityPeriod.validate(remembered);
        if (result.hasErrors()) {
            verified.invalidate(token);
            // the message the wrapped NimbusJwtDecoder gives for the same refusal
            String description = result.getErrors().iterator().next().getDescription();
            throw new JwtValidationException(
                    "An error occurred while attempting to decode the Jwt: " + description, result.getErrors());
        }
        return remembered;
    }
}
