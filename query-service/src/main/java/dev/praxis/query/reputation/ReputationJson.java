package dev.praxis.query.reputation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.praxis.api.shared.MessageJson;

/** The JSON of stored inputs and outcomes: the messages' own form, so that events read back as they were. */
final class ReputationJson {

    private static final ObjectMapper JSON = MessageJson.storageMapper();

    private ReputationJson() {
    }

    static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write " + value.getClass().getSimpleName(), e);
        }
    }

    static <T> T read(String json, Class<T> type) {
        try {
            return JSON.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot read a stored " + type.getSimpleName(), e);
        }
    }
}
