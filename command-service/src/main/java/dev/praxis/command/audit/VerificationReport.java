package dev.praxis.command.audit;

/**
 * What verifying the hash chain over a range of global positions found.
 *
 * @param fromPosition the first position verified
 * @param toPosition   the last position verified
 * @param eventsChecked the events whose links were recomputed
 * @param checkpointsChecked the checkpoints wholly inside the range that were recomputed
 * @param brokenLinks  how many links are broken (each counted once: a link after a broken one is judged
 *                     against what the chain recorded, so one change is one broken link)
 * @param firstBroken  the first broken link in global order; null when the chain is intact
 */
public record VerificationReport(long fromPosition, long toPosition, long eventsChecked, long checkpointsChecked,
                                 long brokenLinks, BrokenLink firstBroken) {

    public boolean intact() {
        return brokenLinks == 0;
    }
}
