package dev.sextant.query.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** Zone offsets compiled from java.time's rules. */
class LocalTimeSqlTest {

  @Test
  void aZoneWithoutTransitionsIsOneAddition() {
    assertThat(
            LocalTimeSql.localMillis(
                "time_ms",
                ZoneId.of("Asia/Shanghai"),
                Instant.parse("2026-01-01T00:00:00Z"),
                Instant.parse("2027-01-01T00:00:00Z")))
        .isEqualTo("(time_ms + 28800000)");
  }

  @Test
  void daylightSavingChangesBecomeACaseOverTheirInstants() {
    // New York: EDT from 2026-03-08 07:00Z, EST again from 2026-11-01 06:00Z.
    assertThat(
            LocalTimeSql.localMillis(
                "time_ms",
                ZoneId.of("America/New_York"),
                Instant.parse("2026-03-01T00:00:00Z"),
                Instant.parse("2026-12-01T00:00:00Z")))
        .isEqualTo(
            "(time_ms + CASE WHEN time_ms < 1772953200000 THEN -18000000"
                + " WHEN time_ms < 1793512800000 THEN -14400000 ELSE -18000000 END)");
  }

  @Test
  void calendarPartsDeriveFromTheLocalDayNumber() {
    LocalTimeSql local =
        new LocalTimeSql(
            new DuckDbDialect(),
            "time_ms",
            ZoneId.of("UTC"),
            Instant.parse("2026-01-01T00:00:00Z"),
            Instant.parse("2026-02-01T00:00:00Z"));
    assertThat(local.dayNumber()).isEqualTo("((time_ms + 0) // 86400000)");
    assertThat(local.mondayDayNumber())
        .isEqualTo("(((time_ms + 0) // 86400000) - (((time_ms + 0) // 86400000) + 3) % 7)");
    assertThat(local.hourStart("time_ms")).isEqualTo("(time_ms - (time_ms + 0) % 3600000)");
  }
}
