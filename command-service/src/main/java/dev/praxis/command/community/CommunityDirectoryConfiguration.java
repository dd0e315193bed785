package dev.praxis.command.community;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class CommunityDirectoryConfiguration {

    /**
     * A failure to update the directory must fail the command and roll back its events; Axon's
     * default would only log it and leave the directory behind the event store.
     */
    @Bean
    ConfigurerModule communityDirectoryPropagatesErrors() {
        return configurer -> configurer.eventProcessing().registerListenerInvocationErrorHandler(
                JdbcCommunityDirectory.PROCESSING_GROUP, configuration -> PropagatingErrorHandler.instance());
    }
}
