package dev.praxis.query.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A sentence for each event: who did what to what, when, e.g. {@code 2026-03-01T10:00:00Z alice:
 * answer accepted (question q-1, answer a-7, answer author bob) in community c-2}. Built from the
 * event's type name and the ids its payload names, so that every event type, present and future,
 * reads sensibly without a template of its own.
 */
final class HistorySummaries {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int TITLE_MAX = 80;

    private HistorySummaries() {
    }

    /** The parsed payload, or null when it is not a JSON object. */
    static JsonNode parse(String payload) {
        try {
            JsonNode node = JSON.readTree(payload);
            return node != null && node.isObject() ? node : null;
        } catch (Exception e) {
            return null;
        }
    }

    static String summary(String payloadType, Instant time, JsonNode payload) {
        String name = payloadType.substring(payloadType.lastIndexOf('.') + 1);
        StringBuilder text = new StringBuilder();
        text.append(time).append(' ');
        String actor = payload == null ? null : textOf(payload, "actorId");
        text.append(actor == null ? "someone" : actor).append(": ").append(words(name));
        if (payload != null) {
            List<String> named = new ArrayList<>();
            String title = textOf(payload, "title");
            for (Iterator<Map.Entry<String, JsonNode>> fields = payload.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                String key = field.getKey();
                if (key.endsWith("Id") && !key.equals("actorId") && !key.equals("communityId")
                        && field.getValue().isTextual()) {
                    named.add(words(key.substring(0, key.length() - 2)) + " " + field.getValue().asText());
                }
            }
            if (title != null) {
                named.add("\u201c" + (title.length() > TITLE_MAX ? title.substring(0, TITLE_MAX) + "\u2026" : title) + "\u201d");
            }
            if (!named.isEmpty()) {
                text.append(" (").append(String.join(", ", named)).append(')');
            }
            String community = textOf(payload, "communityId");
            if (community != null) {
                text.append(" in community ").append(community);
            }
        }
        return text.toString();
    }

    /** "AnswerAccepted" → "answer accepted". */
    static String words(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
    }

    static String textOf(JsonNode payload, String field) {
        JsonNode value = payload.get(field);
        return value != null && value.isTextual() ? value.asText() : null;
    }
}
