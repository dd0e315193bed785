package dev.praxis.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.praxis.gateway.MovableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidationException;

/**
 * The cache of verified bearer tokens, in front of the development issuer's real RS256 decoder: what
 * it may skip (the signature of a token it verified) and what it may not (expiry, refusals).
 */
class VerifiedTokenCacheTest {

    private final MovableClock clock = new MovableClock(Instant.parse("2026-03-01T09:00:00Z"));
    private final LocalTokenIssuer issuer = new LocalTokenIssuer(clock);
    private final AtomicInteger verifications = new AtomicInteger();
    private final JwtDecoder verifier = token -> {
        verifications.incrementAndGet();
        return issuer.decoder().decode(token);
    };
    private final JwtDecoder decoder = VerifiedTokenCache.wrap(verifier, new TokenCacheProperties(100, Duration.ofMinutes(5)), clock);

    @Test
    void aTokenIsVerifiedOnceAndThenRemembered() {
        String alice = issuer.issue("alice", "Alice").getTokenValue();
        String bob = issuer.issue("bob", "Bob").getTokenValue();

        assertThat(decoder.decode(alice).getSubject()).isEqualTo("alice");
        assertThat(decoder.decode(alice).getSubject()).isEqualTo("alice");
        assertThat(decoder.decode(bob).getSubject()).isEqualTo("bob");
        assertThat(decoder.decode(alice).getClaimAsString("name")).isEqualTo("Alice");

        assertThat(verifications).hasValue(2);
    }

    @Test
    void aRememberedTokenIsRefusedOnceItHasExpired() {
        // remembered for longer than the token lives, so that only its own expiry can refuse it
        JwtDecoder decoder = VerifiedTokenCache.wrap(verifier, new TokenCacheProperties(100, Duration.ofDays(1)), clock);
        String token = issuer.issue("alice", "Alice").getTokenValue();
        decoder.decode(token);

        // Spring Security's default validator allows 60 s of clock skew past the expiry
        clock.advance(LocalTokenIssuer.LIFETIME.plusSeconds(59));
        assertThat(decoder.decode(token).getSubject()).isEqualTo("alice");
        clock.advance(Duration.ofSeconds(2));

        assertThatThrownBy(() -> decoder.decode(token))
                .isInstanceOf(JwtValidationException.class)
                .hasMessageContaining("expired");
        assertThat(verifications).as("refused from the cache, without verifying").hasValue(1);
        assertThatThrownBy(() -> decoder.decode(token)).isInstanceOf(JwtValidationException.class);
        assertThat(verifications).as("forgotten: verified, and refused, again").hasValue(2);
    }

    @Test
    void aRefusedTokenIsNeverRemembered() {
        String token = issuer.issue("alice", "Alice").getTokenValue();
        String forged = token.substring(0, token.length() - 4) + (token.endsWith("AAAA") ? "BBBB" : "AAAA");

        assertThatThrownBy(() -> decoder.decode(forged)).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> decoder.decode(forged)).isInstanceOf(BadJwtException.class);
        assertThat(verifications).hasValue(2);

        assertThatThrownBy(() -> decoder.decode(new LocalTokenIssuer(clock).issue("alice", "Alice").getTokenValue()))
                .as("another issuer's key is not trusted")
                .isInstanceOf(BadJwtException.class);
    }

    @Test
    void aTokenIsVerifiedAgainAfterItsTimeToLive() {
        String token = issuer.issue("alice", "Alice").getTokenValue();
        decoder.decode(token);
        clock.advance(Duration.ofMinutes(4));
        decoder.decode(token);
        assertThat(verifications).hasValue(1);

        clock.advance(Duration.ofMinutes(1).plusSeconds(1));
        decoder.decode(token);

        assertThat(verifications).as("remembered 5 minutes after its verification, not after its last use").hasValue(2);
    }

    @Test
    void aSizeOrTimeToLiveOfZeroTurnsTheCacheOff() {
        assertThat(VerifiedTokenCache.wrap(verifier, new TokenCacheProperties(0, Duration.ofMinutes(5)), clock)).isSameAs(verifier);
        assertThat(VerifiedTokenCache.wrap(verifier, new TokenCacheProperties(100, Duration.ZERO), clock)).isSameAs(verifier);
        assertThat(VerifiedTokenCache.wrap(decoder, new TokenCacheProperties(100, Duration.ofMinutes(5)), clock))
                .as("never wrapped twice").isSameAs(decoder);
    }
}
