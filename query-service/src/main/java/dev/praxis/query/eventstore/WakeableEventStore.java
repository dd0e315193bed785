package dev.praxis.query.eventstore;

import java.util.List;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;

/**
 * Axon's embedded event store, which the processors at the head of the stream share, with a way to
 * tell it that another process has stored events. Axon wakes its fetching thread only for events
 * published through this JVM (after their commit); the query service never publishes, so without
 * {@link #wake()} the thread would look again only after its fetch delay.
 */
public class WakeableEventStore extends EmbeddedEventStore {

    public WakeableEventStore(Builder builder) {
        super(builder);
    }

    /** Makes the fetching thread read the store now if it is waiting, as a local commit would. */
    public void wake() {
        // EmbeddedEventStore.afterCommit does nothing but this wake-up with the committed events
        afterCommit(List.of());
    }
}
