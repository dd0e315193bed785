package dev.praxis.gateway.client;

/**
 * What every mutation's input carries besides its own fields: the client's idempotency key (a
 * retry with the same key returns the first result and changes nothing) and the echo id.
 */
public interface MutationInput {

    String idempotencyKey();

    String clientMutationId();
}
