package dev.praxis.api.shared;

/**
 * The body of every error answer of the internal HTTP APIs: a kind the gateway can classify, a
 * stable machine-readable code and a sentence for people.
 */
public record ErrorBody(String kind, String code, String message) {
}
