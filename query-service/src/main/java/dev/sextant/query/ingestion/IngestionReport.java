package dev.sextant.query.ingestion;

import dev.sextant.store.QueryRows;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a project received recently, by reception time ({@code docs/query-api.md}, "Ingestion").
 *
 * @param project the project
 * @param now the server's time the report was made at; freshness (lag) is {@code now} minus {@code
 *     latestReceivedAt}, against the server's clock rather than the reader's
 * @param timeZone the project's zone, in which {@code today} is a day
 * @param minutes one entry per minute of the window, oldest first, the last one the current (still
 *     filling) minute; zero-filled
 * @param window the sums over {@code minutes}
 * @param today the records received since the start of the local day
 * @param latestReceivedAt the latest reception of an accepted event ever, or null when none
 */
public record IngestionReport(
    String project,
    Instant now,
    String timeZone,
    List<Minute> minutes,
    Counts window,
    Counts today,
    Instant latestReceivedAt) {

  public IngestionReport {
    minutes = List.copyOf(minutes);
  }

  /** Records received in one minute. */
  public record Minute(Instant start, long accepted, long quarantined) {}

  /** Records received from {@code from} until now. */
  public record Counts(Instant from, long accepted, long quarantined) {}

  /** The first minute of a window of {@code minutes} minutes ending with the current one. */
  static Instant windowStart(Instant now, int minutes) {
    return Instant.ofEpochMilli(minuteStart(now) - (minutes - 1L) * IngestionStatements.MINUTE_MS);
  }

  /** The end of the current minute: the first instant no report counts. */
  static Instant end(Instant now) {
    return Instant.ofEpochMilli(minuteStart(now) + IngestionStatements.MINUTE_MS);
  }

  /**
   * The start of the local day of {@code now}. Zones' offsets are whole minutes, so it is the start
   * of a minute and per-minute counts sum to the day exactly.
   */
  static Instant startOfDay(Instant now, ZoneId zone) {
    return LocalDate.ofInstant(now, zone).atStartOfDay(zone).toInstant();
  }

  /** Where the per-minute statements must start to cover both the window and today. */
  static Instant readFrom(Instant now, int minutes, ZoneId zone) {
    Instant window = windowStart(now, minutes);
    Instant day = startOfDay(now, zone);
    return window.isBefore(day) ? window : day;
  }

  /**
   * Folds the statements' rows ({@link IngestionStatements}) into the report.
   *
   * @param accepted rows {@code (minute, records)} from {@link #readFrom} on; empty when the
   *     project has no events table
   * @param quarantined the same for quarantined records
   * @param latest the latest reception in epoch milliseconds; null or 0 when none
   */
  static IngestionReport of(
      String project,
      Instant now,
      ZoneId zone,
      int minutes,
      QueryRows accepted,
      QueryRows quarantined,
      Long latest) {
    Map<Long, Long> acceptedByMinute = byMinute(accepted);
    Map<Long, Long> quarantinedByMinute = byMinute(quarantined);
    Instant windowStart = windowStart(now, minutes);
    List<Minute> window = new ArrayList<>(minutes);
    for (int i = 0; i < minutes; i++) {
      long minute = windowStart.toEpochMilli() / IngestionStatements.MINUTE_MS + i;
      window.add(
          new Minute(
              Instant.ofEpochMilli(minute * IngestionStatements.MINUTE_MS),
              acceptedByMinute.getOrDefault(minute, 0L),
              quarantinedByMinute.getOrDefault(minute, 0L)));
    }
    Instant dayStart = startOfDay(now, zone);
    return new IngestionReport(
        project,
        now,
        zone.getId(),
        window,
        new Counts(
            windowStart,
            window.stream().mapToLong(Minute::accepted).sum(),
            window.stream().mapToLong(Minute::quarantined).sum()),
        new Counts(
            dayStart,
            sumSince(acceptedByMinute, dayStart),
            sumSince(quarantinedByMinute, dayStart)),
        latest == null || latest == 0 ? null : Instant.ofEpochMilli(latest));
  }

  private static Map<Long, Long> byMinute(QueryRows rows) {
    Map<Long, Long> counts = new HashMap<>();
    for (List<Object> row : rows.rows()) {
      counts.merge(QueryRows.asLong(row.get(0)), QueryRows.asLong(row.get(1)), Long::sum);
    }
    return counts;
  }

  private static long sumSince(Map<Long, Long> byMinute, Instant from) {
    long first = from.toEpochMilli() / IngestionStatements.MINUTE_MS;
    return byMinute.entrySet().stream()
        .filter(e -> e.getKey() >= first)
        .mapToLong(Map.Entry::getValue)
        .sum();
  }

  private static long minuteStart(Instant instant) {
    return Math.floorDiv(instant.toEpochMilli(), IngestionStatements.MINUTE_MS)
        * IngestionStatements.MINUTE_MS;
  }
}
