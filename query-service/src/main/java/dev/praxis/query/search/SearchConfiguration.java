package dev.praxis.query.search;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The search index of this instance and the {@code search} processor's own token store (the token is
 * committed with the index, see {@link SearchIndex}); every other processor keeps its token in MongoDB.
 */
@Configuration(proxyBeanMethods = false)
class SearchConfiguration {

    @Bean(destroyMethod = "close")
    SearchIndex searchIndex(@Value("${praxis.search.index-dir:search-index}") Path directory,
                            @Value("${praxis.search.commit-interval:5s}") Duration commitInterval) {
        return new SearchIndex(directory.toAbsolutePath(), commitInterval);
    }

    @Bean
    ConfigurerModule searchTokenStore(SearchIndex index, Serializer serializer) {
        return configurer -> configurer.eventProcessing()
                .registerTokenStore(IndexTokenStore.PROCESSOR, config -> new IndexTokenStore(index, serializer));
    }

    @Bean
    PostSearcher postSearcher(SearchIndex index) {
        return new PostSearcher(index, Clock.systemUTC());
    }

    @Bean
    SimilarQuestions similarQuestions(SearchIndex index) {
        return new SimilarQuestions(index);
    }

    @Bean
    MemberSearcher memberSearcher(SearchIndex index, PostSearcher posts) {
        return new MemberSearcher(index, posts);
    }
}
