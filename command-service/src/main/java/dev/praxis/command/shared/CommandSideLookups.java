package dev.praxis.command.shared;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The command service's event handlers keep lookup tables (community directory, reputation and
 * privileges, ...) that aggregates consult. They all run in subscribing processors, in the
 * transaction that appends the events, and a failure in one fails the command and rolls its
 * events back: a lookup never lags behind or drifts from the event store. (Axon's defaults would
 * be a tracking processor and an error handler that only logs.)
 */
@Configuration(proxyBeanMethods = false)
class CommandSideLookups {

    @Bean
    ConfigurerModule lookupsRunInTheCommandTransaction() {
        return configurer -> configurer.eventProcessing()
                .usingSubscribingEventProcessors()
                .registerDefaultListenerInvocationErrorHandler(configuration -> PropagatingErrorHandler.instance());
    }
}
