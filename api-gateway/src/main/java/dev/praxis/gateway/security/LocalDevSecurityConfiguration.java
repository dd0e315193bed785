package dev.praxis.gateway.security;

import java.time.Clock;
import org.springframework.boot.graphql.autoconfigure.GraphQlProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Development conveniences that exist only in the {@code local} profile: the token issuer behind
 * {@code POST /dev/token}, a {@link JwtDecoder} that trusts that issuer alone (it replaces any
 * issuer configured for production), and open access to the token endpoint, GraphiQL and the
 * schema it serves ({@code GET /graphql/schema}).
 */
@Configuration(proxyBeanMethods = false)
@Profile("local")
class LocalDevSecurityConfiguration {

    static final String TOKEN_PATH = "/dev/token";

    @Bean
    LocalTokenIssuer localTokenIssuer() {
        return new LocalTokenIssuer(Clock.systemUTC());
    }

    @Bean
    JwtDecoder localJwtDecoder(LocalTokenIssuer issuer) {
        return issuer.decoder();
    }

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    SecurityFilterChain localDevToolsSecurity(HttpSecurity http, GraphQlProperties graphQl) throws Exception {
        return http
                .securityMatcher(TOKEN_PATH, graphQl.getGraphiql().getPath(), graphQl.getHttp().getPath() + "/schema")
                .csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .build();
    }
}
