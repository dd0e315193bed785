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
            String classification = error.path("extensions").path("classification").asText("");
            String path = error.path("path").isArray() ? " at " + pathOf(error.path("path")) : "";
            lines.add((classification.isEmpty() ? "" : "[" + classification + "] ")
                    + error.path("message").asText("(no message)") + path);
        }
        return "GraphQL errors: " + String.join("; ", lines);
    }

    private static String pathOf(JsonNode path) {
        List<String> parts = new ArrayList<>();
        path.forEach(part -> parts.add(part.asText()));
        return String.join(".", parts);
    }
}
