package dev.praxis.gateway.security;

import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/**
 * Puts a {@link VerifiedTokenCache} in front of the gateway's {@link JwtDecoder}, whichever built it
 * (Boot from the identity provider's settings, the {@code local} profile's development issuer, a
 * test), so that GraphQL over HTTP and the WebSocket's {@code connection_init} share it.
 */
@Configuration(proxyBeanMethods = false)
class VerifiedTokenCacheConfiguration {

    @Bean
    static BeanPostProcessor verifiedTokenCaching(ObjectProvider<TokenCacheProperties> properties) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                return bean instanceof JwtDecoder decoder
                        ? VerifiedTokenCache.wrap(decoder, properties.getObject(), Clock.systemUTC())
                        : bean;
            }
        };
    }
}
