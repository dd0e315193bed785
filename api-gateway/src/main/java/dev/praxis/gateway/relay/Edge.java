package dev.praxis.gateway.relay;

/** One item of a connection page and, where the query service gave one, the cursor after it. */
public record Edge<T>(String cursor, T node) {
}
