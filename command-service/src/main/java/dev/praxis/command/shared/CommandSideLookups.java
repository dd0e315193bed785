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
 *
 * <p>They are all one processing group in one subscribing processor ({@value #PROCESSOR}). A
 * processor per package (Axon's default group) or per named group gave each event a unit of work, an
 * interceptor chain and Axon's look over the group's handlers (whether one handles the event,
 * whether they allow replays) per group: 11% of this service's samples in a profile at 200
 * commands per second, beside 15% in the handlers themselves. A subscribing processor keeps no
 * token and is never replayed, so nothing is lost by sharing it.
 */
@Configuration(proxyBeanMethods = false)
class CommandSideLookups {

    static final String PROCESSOR = "command-side-lookups";

    @Bean
    ConfigurerModule lookupsRunInTheCommandTransaction() {
        return configurer -> configurer.eventProcessing()
                .usingSubscribingEventProcessors()
                .assignHandlerTypesMatching(PROCESSOR, type -> true)
                .registerDefaultListenerInvocationErrorHandler(configuration -> PropagatingErrorHandler.instance());
    }
}
