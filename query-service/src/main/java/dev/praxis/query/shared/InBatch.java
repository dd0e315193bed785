package dev.praxis.query.shared;

import java.util.function.Supplier;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;

/**
 * What a projection remembers for the batch its processor is handling, and forgets with it: a
 * resource of the batch's unit of work. A tracking processor handles a batch (up to 500 events in a
 * replay) in one unit of work, so a value read once is there for the rest of the batch; a batch that
 * fails is handled again in a new unit of work, which starts empty. Outside a unit of work (a test
 * that calls a handler directly) every call gets a fresh value, so nothing is remembered.
 *
 * <p>Only what the projection itself writes may be remembered this way, and it must keep the value
 * in step with its own writes: no one else changes it during the batch.
 */
public final class InBatch {

    private InBatch() {
    }

    /** The batch's value under {@code name} (unique per projection), created by {@code fresh} on first use. */
    public static <T> T remembered(String name, Supplier<T> fresh) {
        return CurrentUnitOfWork.isStarted()
                ? CurrentUnitOfWork.get().root().getOrComputeResource(name, key -> fresh.get())
                : fresh.get();
    }
}
