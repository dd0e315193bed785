package dev.praxis.query.reputation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import org.junit.jupiter.api.Test;

/** The boards' period keys are stored in the read models: they must not change their form. */
class LeaderboardPeriodTest {

    @Test
    void aPeriodKeyIsTheLetterTheYearAndTwoDigits() {
        assertThat(LeaderboardPeriod.WEEK.keyOf(Instant.parse("2026-01-14T10:00:00Z"))).isEqualTo("W2026-03");
        assertThat(LeaderboardPeriod.MONTH.keyOf(Instant.parse("2026-11-27T23:59:59Z"))).isEqualTo("M2026-11");
        // the week-based year: the first days of January 2027 belong to the last week of 2026
        assertThat(LeaderboardPeriod.WEEK.keyOf(Instant.parse("2027-01-01T00:00:00Z"))).isEqualTo("W2026-53");
        assertThat(LeaderboardPeriod.ALL_TIME.keyOf(Instant.EPOCH)).isEqualTo("ALL");
    }

    @Test
    void everyDayOfFourYearsHasTheKeyItAlwaysHad() {
        for (Instant day = Instant.parse("2024-01-01T12:00:00Z"); day.isBefore(Instant.parse("2028-01-01T00:00:00Z"));
             day = day.plus(1, ChronoUnit.DAYS)) {
            ZonedDateTime at = day.atZone(ZoneOffset.UTC);
            assertThat(LeaderboardPeriod.WEEK.keyOf(day)).isEqualTo(String.format("W%d-%02d",
                    at.get(IsoFields.WEEK_BASED_YEAR), at.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR)));
            assertThat(LeaderboardPeriod.MONTH.keyOf(day)).isEqualTo(String.format("M%d-%02d", at.getYear(), at.getMonthValue()));
        }
    }
}
