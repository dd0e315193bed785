package dev.praxis.query.consistency;

/**
 * What one projection's processor is doing on this instance, as the health check reports it.
 *
 * @param name the processor (its processing group)
 * @param running whether it was started and not stopped
 * @param error why its last batch failed, while it waits to deliver that batch again; null when it did not
 */
public record ProcessorState(String name, boolean running, String error) {

    /** Whether it keeps its read models up to date: it runs, and its last batch passed. */
    public boolean healthy() {
        return running && error == null;
    }

    /** What the health check says of a processor that is not healthy. */
    public String problem() {
        return error != null ? error : running ? null : "not running";
    }
}
