package dev.praxis.command.audit;

import java.time.Instant;

/**
 * Which events an export holds, always in global order:
 * <ul>
 *   <li>a range of global positions (both ends included; either may be open);</li>
 *   <li>a time range on the events' stored time ({@code from} included, {@code to} excluded);</li>
 *   <li>one community: the whole stream of every aggregate that has an event of the community (the
 *       community, its questions with their answers and votes, articles, tags, bounties, flags), and the
 *       streams of its members' own aggregates (profile, follows, notification inbox), whose events
 *       name no community. Whole streams, so that an import can load every aggregate and rebuild every
 *       read model of the community, the members' reputation and profiles included.</li>
 * </ul>
 */
public record ExportSelection(Long fromPosition, Long toPosition, Instant fromTime, Instant toTime, String communityId) {

    public static ExportSelection everything() {
        return new ExportSelection(null, null, null, null, null);
    }

    public static ExportSelection positions(Long from, Long to) {
        return new ExportSelection(from, to, null, null, null);
    }

    public static ExportSelection time(Instant from, Instant to) {
        return new ExportSelection(null, null, from, to, null);
    }

    public static ExportSelection community(String communityId) {
        return new ExportSelection(null, null, null, null, communityId);
    }

    /** What is wrong with the selection, null when it can be exported. */
    public String problem() {
        if (fromPosition != null && toPosition != null && fromPosition > toPosition) {
            return "The range of positions ends before it starts.";
        }
        if (fromTime != null && toTime != null && !fromTime.isBefore(toTime)) {
            return "The time range ends before it starts.";
        }
        if (communityId != null && communityId.isBlank()) {
            return "Name the community to export.";
        }
        return null;
    }
}
