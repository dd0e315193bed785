package dev.praxis.query.knowledge;

import dev.praxis.query.access.ReadAccess;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

/** The knowledge graph's queries, with the half-life its projection stores terms with. */
@Configuration(proxyBeanMethods = false)
class KnowledgeConfiguration {

    @Bean
    KnowledgeGraph knowledgeGraph(MongoTemplate mongo, ReadAccess access,
                                  @Value("${praxis.knowledge.half-life:180d}") Duration halfLife) {
        return new KnowledgeGraph(mongo, access, new Decay(halfLife), Clock.systemUTC());
    }
}
