package dev.praxis.gateway.protocol;

import dev.praxis.gateway.limits.LimitsProperties;
import graphql.execution.preparsed.persisted.ApolloPersistedQuerySupport;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.server.WebGraphQlHandler;
import org.springframework.graphql.server.webmvc.GraphQlHttpHandler;

/**
 * The GraphQL over HTTP protocol beyond what Spring for GraphQL does by itself: automatic persisted
 * queries (Apollo's protocol, so that mobile clients send a hash instead of the document), a cache
 * of parsed documents for the texts clients send again ({@link ParsedDocumentCache}), queries
 * over GET ({@link GraphQlGetRoute}), and status codes that say what went wrong.
 */
@Configuration(proxyBeanMethods = false)
class HttpProtocolConfiguration {

    @Bean
    BoundedPersistedQueryCache persistedQueryCache(LimitsProperties limits) {
        return new BoundedPersistedQueryCache(limits.persistedQueries());
    }

    @Bean
    ParsedDocumentCache parsedDocumentCache(BoundedPersistedQueryCache persisted, LimitsProperties limits) {
        return new ParsedDocumentCache(new ApolloPersistedQuerySupport(persisted), limits.parsedQueries().toBytes());
    }

    @Bean
    GraphQlSourceBuilderCustomizer parsedDocuments(ParsedDocumentCache documents) {
        return builder -> builder.configureGraphQl(graphQl -> graphQl.preparsedDocumentProvider(documents));
    }

    @Bean
    GraphQlHttpHandler graphQlHttpHandler(WebGraphQlHandler webGraphQlHandler) {
        return new StatusAwareGraphQlHttpHandler(webGraphQlHandler);
    }
}
