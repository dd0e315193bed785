package dev.praxis.gateway.security;

import jakarta.servlet.DispatcherType;
import org.springframework.http.HttpMethod;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.graphql.autoconfigure.GraphQlProperties;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The gateway is an OAuth2 resource server: callers present JWT bearer tokens, verified by the
 * {@link JwtDecoder} that Boot builds from {@code spring.security.oauth2.resourceserver.jwt.issuer-uri}
 * or {@code jwk-set-uri} (or, in the {@code local} profile only, the development issuer's).
 *
 * <p>The GraphQL endpoint admits anonymous callers, because reads are public; operations that act
 * for a member demand an {@link Actor} and refuse anonymous callers themselves. Health is open to
 * orchestrators; everything else is denied. Bearer tokens are not sent by browsers on their own,
 * so there is no CSRF to defend against and no session to keep.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    @Bean
    SecurityFilterChain apiSecurity(HttpSecurity http, GraphQlProperties graphQl, ObjectProvider<JwtDecoder> jwtDecoders)
            throws Exception {
        JwtDecoder jwtDecoder = jwtDecoders.getIfAvailable(() -> {
            throw new IllegalStateException("No way to verify bearer tokens: set "
                    + "spring.security.oauth2.resourceserver.jwt.issuer-uri (or jwk-set-uri), "
                    + "or run with the 'local' profile for the development token issuer.");
        });
        return http
                .csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> requests
                        // Error pages of permitted requests (a malformed body, say) must render as themselves.
                        .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                        .requestMatchers(graphQl.getHttp().getPath()).permitAll()
                        // The WebSocket handshake carries no token: connection_init does (WebSocketAuthentication).
                        .requestMatchers(graphQl.getWebsocket().getPath()).permitAll()
                        .requestMatchers(EndpointRequest.to("health", "prometheus")).permitAll()
                        // The auditors' NDJSON export judges the token's role itself (typed 401/403 bodies).
                        .requestMatchers(HttpMethod.GET, "/audit/export").permitAll()
                        .anyRequest().denyAll())
                .oauth2ResourceServer(resourceServer -> resourceServer.jwt(jwt -> jwt.decoder(jwtDecoder)))
                .build();
    }
}
