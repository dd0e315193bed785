package dev.praxis.query.replay;

import java.time.Duration;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.data.mongodb.MongoDatabaseFactory;

/**
 * The read database of the whole query service, routed by generation (blue/green replays): Spring
 * Boot's {@code MongoDatabaseFactory} is wrapped as it is made, so that every {@code MongoTemplate}
 * (the projections', the queries') resolves collection names to their live generation, and a
 * replay's threads to the generation it builds. (Declaring a factory bean instead would switch off
 * Boot's MongoDB client configuration.)
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ReplayProperties.class)
class ReplayConfiguration {

    @Bean
    static BeanPostProcessor generationRouting(Environment environment) {
        Duration ttl = Binder.get(environment).bind("praxis.query.replay.control-ttl", Duration.class)
                .orElse(Duration.ofMillis(500));
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof MongoDatabaseFactory factory && !(bean instanceof GenerationRoutingDatabaseFactory)) {
                    return new GenerationRoutingDatabaseFactory(factory,
                            new Generations(factory.getMongoDatabase(), ttl));
                }
                return bean;
            }
        };
    }

    @Bean
    Generations replayGenerations(MongoDatabaseFactory factory) {
        if (factory instanceof GenerationRoutingDatabaseFactory routing) {
            return routing.generations();
        }
        throw new IllegalStateException("The read database is not routed by generation");
    }
}
