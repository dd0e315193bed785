package dev.praxis.gateway.security;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/**
 * A token issuer for development: it signs RS256 tokens with an RSA key made when the gateway
 * starts, so its tokens stop working when the gateway restarts and can never be valid anywhere
 * else. Only the {@code local} profile creates it.
 */
public class LocalTokenIssuer {

    public static final String ISSUER = "praxis-local-dev";
    public static final Duration LIFETIME = Duration.ofHours(12);

    private final RSAPublicKey publicKey;
    private final JwtEncoder encoder;
    private final Clock clock;

    public LocalTokenIssuer(Clock clock) {
        KeyPair keys = generateRsaKeyPair();
        this.publicKey = (RSAPublicKey) keys.getPublic();
        this.encoder = NimbusJwtEncoder.withKeyPair(publicKey, (RSAPrivateKey) keys.getPrivate())
                .algorithm(SignatureAlgorithm.RS256)
                .build();
        this.clock = clock;
    }

    /** A signed token whose subject is {@code memberId} and whose {@code name} claim is {@code name}. */
    public Jwt issue(String memberId, String name) {
        return issue(memberId, name, List.of());
    }

    /** The same with a {@code roles} claim (left out when there are none), e.g. {@code ["auditor"]}. */
    public Jwt issue(String memberId, String name, List<String> roles) {
        Instant now = clock.instant();
        JwtClaimsSet.Builder builder = JwtClaimsSet.builder()
                .issuer(ISSUER)
                .subject(memberId)
                .claim("name", name)
                .issuedAt(now)
                .expiresAt(now.plus(LIFETIME));
        if (!roles.isEmpty()) {
            builder.claim("roles", List.copyOf(roles));
        }
        JwtClaimsSet claims = builder.build();
        JwsHeader header = JwsHeader.with(SignatureAlgorithm.RS256).type("JWT").build();
        return encoder.encode(JwtEncoderParameters.from(header, claims));
    }

    /** A decoder that trusts this issuer's key and nothing else, and checks issuer and expiry on this issuer's clock. */
    public JwtDecoder decoder() {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withPublicKey(publicKey)
                .signatureAlgorithm(SignatureAlgorithm.RS256)
                .build();
        JwtTimestampValidator validityPeriod = new JwtTimestampValidator();
        validityPeriod.setClock(clock);
        decoder.setJwtValidator(JwtValidators.createDefaultWithValidators(
                List.of(validityPeriod, new JwtIssuerValidator(ISSUER))));
        return decoder;
    }

    private static KeyPair generateRsaKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime provides RSA", e);
        }
    }
}
