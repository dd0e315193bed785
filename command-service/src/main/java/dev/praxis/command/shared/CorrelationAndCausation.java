package dev.praxis.command.shared;

import java.util.HashMap;
import java.util.Map;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.springframework.stereotype.Component;

/**
 * Gives every event the correlation id of the request that started it all (carried over from the
 * command's metadata, or the command's own id) and the id of the message that caused it directly.
 * Auditors follow these to see which events one act produced and why.
 */
@Component
public class CorrelationAndCausation implements CorrelationDataProvider {

    public static final String CORRELATION_ID = "correlationId";
    public static final String CAUSATION_ID = "causationId";

    @Override
    public Map<String, ?> correlationDataFor(Message<?> message) {
        Map<String, Object> data = new HashMap<>();
        Object correlation = message.getMetaData().get(CORRELATION_ID);
        data.put(CORRELATION_ID, correlation != null ? correlation : message.getIdentifier());
        data.put(CAUSATION_ID, message.getIdentifier());
        return data;
    }
}
