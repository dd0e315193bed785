package dev.praxis.gateway.client;

import dev.praxis.api.shared.CommandResult;
import dev.praxis.api.shared.PraxisCommand;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

/** Sends commands to the command service's internal HTTP API ({@code POST /commands/{CommandName}}). */
public class CommandServiceClient {

    private final RestClient rest;

    public CommandServiceClient(RestClient rest) {
        this.rest = rest;
    }

    /** The command service's HTTP client, for its read-only audit endpoints (verification, export). */
    public RestClient rest() {
        return rest;
    }

    /**
     * Sends one command, named by the simple name of its record, and answers the ids it touched and
     * the global position of its last event. A refusal arrives as a {@link DownstreamException}.
     */
    public CommandResult send(PraxisCommand command) {
        return send(command, null, null);
    }

    /**
     * As {@link #send(PraxisCommand)}, with the idempotency key that makes a retry answer the first
     * result, and the correlation id that the command's events will carry (both optional).
     */
    public CommandResult send(PraxisCommand command, String idempotencyKey, String correlationId) {
        return rest.post()
                .uri("/commands/{name}", command.getClass().getSimpleName())
                .contentType(MediaType.APPLICATION_JSON)
                .headers(headers -> {
                    if (idempotencyKey != null) {
                        headers.set("Idempotency-Key", idempotencyKey);
                    }
                    if (correlationId != null) {
                        headers.set("X-Correlation-Id", correlationId);
                    }
                })
                .body(command)
                .retrieve()
                .body(CommandResult.class);
    }
}
