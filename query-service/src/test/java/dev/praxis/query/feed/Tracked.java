package dev.praxis.query.feed;

import java.util.ArrayList;
import java.util.List;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;

/** Events as a tracking processor delivers them: each with its global position, from {@code first} on. */
public final class Tracked {

    private Tracked() {
    }

    public static List<EventMessage<?>> from(long first, List<?> payloads) {
        List<EventMessage<?>> messages = new ArrayList<>();
        long position = first;
        for (Object payload : payloads) {
            messages.add(new GenericTrackedEventMessage<>(new GlobalSequenceTrackingToken(position++),
                    GenericEventMessage.asEventMessage(payload)));
        }
        return messages;
    }

    public static List<EventMessage<?>> of(List<?> payloads) {
        return from(1, payloads);
    }
}
