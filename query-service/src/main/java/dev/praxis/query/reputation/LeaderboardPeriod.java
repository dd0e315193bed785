package dev.praxis.query.reputation;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.IsoFields;

/** The periods of the leaderboards, in UTC: the ISO week, the calendar month, all time. */
public enum LeaderboardPeriod {
    WEEK, MONTH, ALL_TIME;

    /** The key of the period that contains the instant, e.g. {@code W2026-10}, {@code M2026-03}, {@code ALL}. */
    String keyOf(Instant instant) {
        ZonedDateTime at = instant.atZone(ZoneOffset.UTC);
        return switch (this) {
            // not String.format: it parses its pattern on every call, and every vote names two boards
            case WEEK -> key('W', at.get(IsoFields.WEEK_BASED_YEAR), at.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
            case MONTH -> key('M', at.getYear(), at.getMonthValue());
            case ALL_TIME -> "ALL";
        };
    }

    /** "W2026-03": the period's letter, the year and the two-digit week or month. */
    private static String key(char period, int year, int number) {
        return new StringBuilder(8).append(period).append(year).append(number < 10 ? "-0" : "-").append(number).toString();
    }

    /** The board of a community (tag null) or of a tag in it, for the period containing the instant. */
    static String board(String communityId, String tag, LeaderboardPeriod period, Instant at) {
        return ReputationCollections.key(communityId, tag == null ? "" : tag, period.keyOf(at));
    }
}
