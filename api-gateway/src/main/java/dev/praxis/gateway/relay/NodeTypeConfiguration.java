package dev.praxis.gateway.relay;

import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.ClassNameTypeResolver;

/**
 * Tells GraphQL which object type a {@code Node} value is. The values are the query service's
 * views ({@code QuestionView}, ...), whose class names differ from the GraphQL type names.
 */
@Configuration(proxyBeanMethods = false)
class NodeTypeConfiguration {

    @Bean
    GraphQlSourceBuilderCustomizer nodeTypeResolver() {
        ClassNameTypeResolver resolver = new ClassNameTypeResolver();
        for (NodeType type : NodeType.values()) {
            resolver.addMapping(type.viewType(), type.graphQlName());
        }
        return builder -> builder.defaultTypeResolver(resolver);
    }
}
