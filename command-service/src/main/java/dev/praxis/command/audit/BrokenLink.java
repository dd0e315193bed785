package dev.praxis.command.audit;

/**
 * The first place where the stored history no longer matches its hash chain.
 *
 * @param position  the global position of the event (or, for a checkpoint, the last position it seals)
 * @param eventId   the event's identifier (from the chain when the event itself is gone); null for a checkpoint
 * @param aggregateId the stream of the event; null for a checkpoint
 * @param sequence  the event's sequence number in its stream; null for a checkpoint
 * @param problem   what is wrong, an UPPER_SNAKE code: HASH_MISMATCH (the event's stored text changed),
 *                  MISSING_EVENT (the chain links an event the store no longer holds), SEQUENCE_GAP (an event of
 *                  the stream before this one is gone or out of order), UNCHAINED_EVENT (an event was written
 *                  past the chain), CHECKPOINT_MISMATCH, CHECKPOINT_GAP
 * @param description a sentence for people
 * @param expected  the hash the chain recorded (hex), when there is one
 * @param found     the hash recomputed from what is stored now (hex), when there is one
 */
public record BrokenLink(long position, String eventId, String aggregateId, Long sequence, String problem,
                         String description, String expected, String found) {
}
