package dev.praxis.query.privacy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.praxis.api.privacy.PersonalDataCipher;
import dev.praxis.api.shared.MessageJson;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.lang.Nullable;
import org.springframework.stereotype.Component;

/** Stored payloads as JSON text with their members' personal texts opened, or read as erased. */
@Component
public class RevealedPayloads {

    private static final ObjectMapper JSON = MessageJson.storageMapper();

    private final PersonalDataCipher cipher;

    public RevealedPayloads(JdbcTemplate jdbc) {
        this.cipher = new PersonalDataCipher(new StoredMemberKeys(jdbc));
    }

    /** The payload with its envelopes opened; any other text as it is. */
    public String reveal(@Nullable String payload) {
        if (payload == null || !payload.contains("\"" + PersonalDataCipher.SUBJECT + "\"")) {
            return payload;
        }
        try {
            JsonNode tree = JSON.readTree(payload);
            return tree instanceof ObjectNode message && cipher.reveal(message) ? JSON.writeValueAsString(message) : payload;
        } catch (JsonProcessingException e) {
            return payload;
        }
    }
}
