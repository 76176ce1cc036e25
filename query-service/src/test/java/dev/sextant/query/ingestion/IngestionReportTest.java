package dev.sextant.query.ingestion;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.query.ingestion.IngestionReport.Counts;
import dev.sextant.query.ingestion.IngestionReport.Minute;
import dev.sextant.store.QueryRows;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class IngestionReportTest {

  private static final ZoneId KATHMANDU = ZoneId.of("Asia/Kathmandu");

  private static QueryRows perMinute(long... minuteAndCount) {
    List<List<Object>> rows = new java.util.ArrayList<>();
    for (int i = 0; i < minuteAndCount.length; i += 2) {
      rows.add(List.of(minuteAndCount[i], minuteAndCount[i + 1]));
    }
    return new QueryRows(List.of("minute", "records"), rows);
  }

  private static long minute(String instant) {
    return Instant.parse(instant).toEpochMilli() / 60_000;
  }

  @Test
  void theWindowEndsWithTheCurrentMinuteAndReadingStartsAtTheEarlierOfItAndMidnight() {
    Instant now = Instant.parse("2026-12-08T18:20:30.5Z"); // 00:05:30.5 in Kathmandu (+05:45)
    assertThat(IngestionReport.windowStart(now, 60))
        .isEqualTo(Instant.parse("2026-12-08T17:21:00Z"));
    assertThat(IngestionReport.windowStart(now, 1))
        .isEqualTo(Instant.parse("2026-12-08T18:20:00Z"));
    assertThat(IngestionReport.end(now)).isEqualTo(Instant.parse("2026-12-08T18:21:00Z"));
    assertThat(IngestionReport.startOfDay(now, KATHMANDU))
        .isEqualTo(Instant.parse("2026-12-08T18:15:00Z"));
    assertThat(IngestionReport.readFrom(now, 60, KATHMANDU))
        .isEqualTo(Instant.parse("2026-12-08T17:21:00Z"));
    assertThat(IngestionReport.readFrom(now, 2, KATHMANDU))
        .isEqualTo(Instant.parse("2026-12-08T18:15:00Z"));
  }

  @Test
  void foldsRowsIntoZeroFilledMinutesAndSumsTheWindowAndToday() {
    Instant now = Instant.parse("2026-12-08T18:20:30Z");
    IngestionReport report =
        IngestionReport.of(
            "demo",
            now,
            KATHMANDU,
            3,
            perMinute(minute("2026-12-08T18:10:00Z"), 5, minute("2026-12-08T18:18:00Z"), 2),
            perMinute(minute("2026-12-08T18:20:00Z"), 1),
            Instant.parse("2026-12-08T18:18:40Z").toEpochMilli());
    assertThat(report.minutes())
        .containsExactly(
            new Minute(Instant.parse("2026-12-08T18:18:00Z"), 2, 0),
            new Minute(Instant.parse("2026-12-08T18:19:00Z"), 0, 0),
            new Minute(Instant.parse("2026-12-08T18:20:00Z"), 0, 1));
    assertThat(report.window()).isEqualTo(new Counts(Instant.parse("2026-12-08T18:18:00Z"), 2, 1));
    // 18:10 UTC is 23:55 of the day before in Kathmandu.
    assertThat(report.today()).isEqualTo(new Counts(Instant.parse("2026-12-08T18:15:00Z"), 2, 1));
    assertThat(report.latestReceivedAt()).isEqualTo(Instant.parse("2026-12-08T18:18:40Z"));
    assertThat(report.timeZone()).isEqualTo("Asia/Kathmandu");
  }

  @Test
  void anEmptyTablesLatestReceptionIsNone() {
    QueryRows none = perMinute();
    Instant now = Instant.parse("2026-12-08T18:20:30Z");
    assertThat(IngestionReport.of("demo", now, KATHMANDU, 5, none, none, 0L).latestReceivedAt())
        .isNull();
    assertThat(IngestionReport.of("demo", now, KATHMANDU, 5, none, none, null).latestReceivedAt())
        .isNull();
  }
}
