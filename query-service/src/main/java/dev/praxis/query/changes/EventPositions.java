package dev.praxis.query.changes;

/**
 * The global position of an event in the event store, by its identifier. A tracking token does not
 * tell it: an event that fills a gap arrives with the token of the highest position seen so far.
 */
@FunctionalInterface
public interface EventPositions {

    long of(String eventIdentifier);
}
