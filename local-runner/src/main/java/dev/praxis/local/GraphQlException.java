package dev.praxis.local;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/** A GraphQL response that carried {@code errors}; the message lists them with their classification and path. */
public class GraphQlException extends RuntimeException {

    private final transient JsonNode errors;

    GraphQlException(JsonNode errors) {
        super(describe(errors));
        this.errors = errors;
    }

    /** The response's {@code errors} array as the server sent it. */
    public JsonNode errors() {
        return errors;
    }

    private static String describe(JsonNode errors) {
        List<String> lines = new ArrayList<>();
        for (JsonNode error : errors) {
            // e.g. "[CONFLICT ALREADY_MEMBER] You are already a member of this community. at joinCommunity"
            String kind = (error.path("extensions").path("classification").asText("") + " "
                    + error.path("extensions").path("code").asText("")).strip();
            String path = error.path("path").isArray() ? " at " + pathOf(error.path("path")) : "";
            lines.add((kind.isEmpty() ? "" : "[" + kind + "] ") + error.path("message").asText("(no message)") + path);
        }
        return "GraphQL errors: " + String.join("; ", lines);
    }

    private static String pathOf(JsonNode path) {
        List<String> parts = new ArrayList<>();
        path.forEach(part -> parts.add(part.asText()));
        return String.join(".", parts);
    }
}
