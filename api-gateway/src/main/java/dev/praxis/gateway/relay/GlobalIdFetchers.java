package dev.praxis.gateway.relay;

import graphql.schema.DataFetcher;
import graphql.TrivialDataFetcher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;

/**
 * The {@code id} of every {@code Node}: its global id, computed from the view in hand. A page of 20
 * questions with their authors asks for 40 of them, so they are plain trivial data fetchers, which
 * GraphQL Java and the observations treat like property reads, rather than controller methods with
 * argument resolution and an observation each.
 */
@Configuration(proxyBeanMethods = false)
class GlobalIdFetchers {

    @Bean
    RuntimeWiringConfigurer globalIds() {
        return wiring -> {
            for (NodeType type : NodeType.values()) {
                wiring.type(type.graphQlName(), builder -> builder.dataFetcher("id", globalId(type)));
            }
        };
    }

    private static DataFetcher<String> globalId(NodeType type) {
        return (TrivialDataFetcher<String>) environment -> GlobalId.encode(type, type.rawIdOf(environment.getSource()));
    }
}
