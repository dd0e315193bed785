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
            case WEEK -> String.format("W%d-%02d", at.get(IsoFields.WEEK_BASED_YEAR), at.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
            case MONTH -> String.format("M%d-%02d", at.getYear(), at.getMonthValue());
            case ALL_TIME -> "ALL";
        };
    }

    /** The board of a community (tag null) or of a tag in it, for the period containing the instant. */
    static String board(String communityId, String tag, LeaderboardPeriod period, Instant at) {
        return ReputationCollections.key(communityId, tag == null ? "" : tag, period.keyOf(at));
    }
}
