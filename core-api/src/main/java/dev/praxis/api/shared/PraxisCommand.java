package dev.praxis.api.shared;

import java.time.Instant;

/**
 * A request to change the domain, made by one member.
 *
 * <p>{@code actorId} is filled from the caller's verified identity, never from user input.
 * {@code occurredAt} is set by the command service when absent (live traffic); an importer sets it
 * to the original time of a historical act.
 */
public interface PraxisCommand {

    String actorId();

    Instant occurredAt();
}
