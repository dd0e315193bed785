package dev.praxis.query.eventstore;

import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What this instance has heard of the event store's announcements of new events
 * ({@link NewEventAnnouncements}): how many, and the highest global index they named. The reads of
 * the store ({@link AnnouncedHeadEventStorageEngine}) use it to tell when reading again could not
 * find anything new.
 *
 * <p>The highest index is an upper bound of the events announced so far; it is unknown
 * ({@link Long#MAX_VALUE}) at the start, after the listening connection was opened again (events
 * may have been stored unannounced meanwhile) and after an announcement that named no index (a
 * store whose trigger predates the index in the payload). A read that finds nothing new makes it
 * known again ({@link #confirmHead}).
 */
public final class AnnouncedHead {

    /** {@code count} announcements heard; {@code highest}: no event announced by then lies beyond it. */
    record Heard(long count, long highest) {
    }

    static final long UNKNOWN = Long.MAX_VALUE;

    private final AtomicReference<Heard> heard = new AtomicReference<>(new Heard(0, UNKNOWN));
    private volatile boolean listening;

    Heard heard() {
        return heard.get();
    }

    /** An announcement of new events, with the highest global index it stored when it names one. */
    void announced(OptionalLong highest) {
        heard.updateAndGet(before -> new Heard(before.count() + 1,
                highest.isPresent() && before.highest() != UNKNOWN ? Math.max(before.highest(), highest.getAsLong())
                        : UNKNOWN));
    }

    /**
     * A read of everything after {@code index}, which started when {@code before} had been heard,
     * found nothing: every event stored until then lies at or below it. Unless another announcement
     * came meanwhile, that bound replaces the one heard (and an unknown one).
     */
    void confirmHead(Heard before, long index) {
        if (index >= 0) {
            heard.compareAndSet(before, new Heard(before.count(), index));
        }
    }

    /** Whether announcements arrive now; while they do not, every read goes to the store. */
    boolean listening() {
        return listening;
    }

    void listening(boolean listening) {
        this.listening = listening;
    }
}
