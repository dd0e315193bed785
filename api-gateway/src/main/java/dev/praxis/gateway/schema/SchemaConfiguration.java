package dev.praxis.gateway.schema;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;

/**
 * Runtime parts of the schema that are not controllers: custom scalars. The limits that refuse an
 * operation before it runs live in {@code dev.praxis.gateway.limits}.
 */
@Configuration(proxyBeanMethods = false)
class SchemaConfiguration {

    @Bean
    RuntimeWiringConfigurer scalars() {
        return wiring -> wiring.scalar(DateTimeScalar.INSTANCE);
    }
}
