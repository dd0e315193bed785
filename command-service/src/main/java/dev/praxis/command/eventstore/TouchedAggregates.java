package dev.praxis.command.eventstore;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.stereotype.Component;

/**
 * Remembers which aggregates each command wrote events to, keyed by the command message's id: a
 * retried command (after a concurrency conflict, possibly on another thread) keeps its id.
 */
@Component
public class TouchedAggregates implements MessageDispatchInterceptor<EventMessage<?>> {

    private final Map<String, Set<String>> byCommand = new ConcurrentHashMap<>();

    public TouchedAggregates(EventStore eventStore) {
        eventStore.registerDispatchInterceptor(this);
    }

    /** Starts recording for a command about to be sent. */
    public void begin(String commandId) {
        byCommand.put(commandId, Collections.synchronizedSet(new LinkedHashSet<>()));
    }

    /** The aggregates the command touched so far, while it is being handled. */
    public List<String> peek(String commandId) {
        Set<String> touched = byCommand.get(commandId);
        if (touched == null) {
            return List.of();
        }
        synchronized (touched) {
            return List.copyOf(touched);
        }
    }

    /** Stops recording for the command and answers the aggregates it touched, in order of first touch. */
    public List<String> finish(String commandId) {
        Set<String> touched = byCommand.remove(commandId);
        if (touched == null) {
            return List.of();
        }
        synchronized (touched) {
            return List.copyOf(touched);
        }
    }

    @Override
    public BiFunction<Integer, EventMessage<?>, EventMessage<?>> handle(List<? extends EventMessage<?>> messages) {
        if (CurrentUnitOfWork.isStarted()) {
            Set<String> touched = byCommand.get(CurrentUnitOfWork.get().root().getMessage().getIdentifier());
            if (touched != null) {
                messages.stream()
                        .filter(DomainEventMessage.class::isInstance)
                        .map(m -> ((DomainEventMessage<?>) m).getAggregateIdentifier())
                        .forEach(touched::add);
            }
        }
        return (index, message) -> message;
    }
}
