package dev.praxis.query.feed;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;

/**
 * The global position of an event in the store, from the tracking token a streaming processor
 * delivers it with (a {@code GapAwareTrackingToken} on the JDBC store, whose index is the global
 * sequence). Feed items and notifications record it, so that a subscription can resume from there.
 */
public final class EventPosition {

    private EventPosition() {
    }

    /** The event's global position; -1 for an event delivered outside a tracking processor. */
    public static long of(EventMessage<?> message) {
        if (message instanceof TrackedEventMessage<?> tracked) {
            TrackingToken token = tracked.trackingToken();
            if (token != null) {
                return token.position().orElse(-1);
            }
        }
        return -1;
    }
}
