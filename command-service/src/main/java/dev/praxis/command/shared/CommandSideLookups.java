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
 * <p>They share one subscribing processor ({@value #PROCESSOR}), whatever their processing groups:
 * a processor of its own per group gave each event a unit of work, an interceptor chain and Axon's
 * look over every handler of the group (whether it can handle the event, whether it allows replays)
 * per group, 11% of this service's samples in a profile at 200 commands per second beside 15% in
 * the handlers themselves. A subscribing processor keeps no token and is never replayed, so the
 * groups lose nothing by sharing it.
 */
@Configuration(proxyBeanMethods = false)
class CommandSideLookups {

    static final String PROCESSOR = "command-side-lookups";

    @Bean
    ConfigurerModule lookupsRunInTheCommandTransaction() {
        return configurer -> configurer.eventProcessing()
                .usingSubscribingEventProcessors()
                .assignProcessingGroup(group -> PROCESSOR)
                .registerDefaultListenerInvocationErrorHandler(configuration -> PropagatingErrorHandler.instance());
    }
}
