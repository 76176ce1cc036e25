package dev.sextant.query.sql;

import java.time.Instant;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.List;

/**
 * Local calendar arithmetic on epoch milliseconds, in SQL. The zone's offsets are compiled from
 * {@code java.time}'s rules into a {@code CASE} over the transitions in the instants the query
 * reads, so both engines use one time-zone database (the JVM's) and agree with the reference
 * implementation even where their own tz data differ. For a zone without transitions in the span
 * (Asia/Shanghai since 1991) it is one addition.
 *
 * <p>All expressions assume times at or after 1970-01-01 local: the store holds no earlier events.
 */
public final class LocalTimeSql {

  public static final long MILLIS_PER_HOUR = 3_600_000L;
  public static final long MILLIS_PER_DAY = 86_400_000L;

  private final SqlDialect dialect;
  private final String localMillis;

  /**
   * @param timeColumn the epoch-millisecond expression (a column such as {@code time_ms})
   * @param from the first instant the expressions must be right for
   * @param to the first instant after them
   */
  public LocalTimeSql(
      SqlDialect dialect, String timeColumn, ZoneId zone, Instant from, Instant to) {
    this.dialect = dialect;
    this.localMillis = localMillis(timeColumn, zone, from, to);
  }

  /** Epoch milliseconds plus the zone's offset at that instant. */
  static String localMillis(String timeColumn, ZoneId zone, Instant from, Instant to) {
    ZoneRules rules = zone.getRules();
    List<ZoneOffsetTransition> transitions = new ArrayList<>();
    ZoneOffsetTransition next = rules.nextTransition(from);
    while (next != null && next.getInstant().isBefore(to)) {
      transitions.add(next);
      next = rules.nextTransition(next.getInstant());
    }
    long first = rules.getOffset(from).getTotalSeconds() * 1000L;
    if (transitions.isEmpty()) {
      return "(" + timeColumn + " + " + first + ")";
    }
    StringBuilder offset = new StringBuilder("CASE");
    long current = first;
    for (ZoneOffsetTransition transition : transitions) {
      offset
          .append(" WHEN ")
          .append(timeColumn)
          .append(" < ")
          .append(transition.getInstant().toEpochMilli())
          .append(" THEN ")
          .append(current);
      current = transition.getOffsetAfter().getTotalSeconds() * 1000L;
    }
    offset.append(" ELSE ").append(current).append(" END");
    return "(" + timeColumn + " + " + offset + ")";
  }

  /** Local epoch milliseconds. */
  public String localMillis() {
    return localMillis;
  }

  /** The local day number since 1970-01-01. */
  public String dayNumber() {
    return dialect.intDiv(localMillis, Long.toString(MILLIS_PER_DAY));
  }

  /** The day number of the Monday on or before the local date (1970-01-01 was a Thursday). */
  public String mondayDayNumber() {
    String day = dayNumber();
    return "(" + day + " - (" + day + " + 3) % 7)";
  }

  /** The 0-based month index {@code year * 12 + month - 1} of the local date. */
  public String monthIndex() {
    return dialect.monthIndexOfDay(dayNumber());
  }

  /**
   * The instant (epoch ms) at which the local hour holding the time began: the time minus the local
   * minutes, seconds and millis. In a DST fall-back the repeated hour is two buckets.
   */
  public String hourStart(String timeColumn) {
    return "(" + timeColumn + " - " + localMillis + " % " + MILLIS_PER_HOUR + ")";
  }

  /** The local hour of day, 0 to 23. */
  public String hourOfDay() {
    return dialect.intDiv(
        "(" + localMillis + " % " + MILLIS_PER_DAY + ")", Long.toString(MILLIS_PER_HOUR));
  }

  /** The ISO day of week, 1 (Monday) to 7 (Sunday). */
  public String dayOfWeek() {
    return "((" + dayNumber() + " + 3) % 7 + 1)";
  }
}
