package dev.sextant.query.model;

import static dev.sextant.query.model.InvalidQueryException.require;
import static dev.sextant.query.model.InvalidQueryException.requirePresent;

import java.time.LocalDate;
import java.time.ZoneId;

/** When a segment condition looks at a user's events. */
public sealed interface EventWindow {

  /**
   * The local dates this window covers for a segment evaluated on {@code asOf} in {@code zone};
   * null for the whole store.
   */
  TimeRange resolve(LocalDate asOf, ZoneId zone);

  /** Every stored event ("never invested" is "did not invest, ever"). */
  record Ever() implements EventWindow {
    @Override
    public TimeRange resolve(LocalDate asOf, ZoneId zone) {
      return null;
    }
  }

  /** Fixed local dates, in the range's own zone. */
  record Between(TimeRange range) implements EventWindow {
    public Between {
      requirePresent(range, "range");
    }

    @Override
    public TimeRange resolve(LocalDate asOf, ZoneId zone) {
      return range;
    }
  }

  /** The {@code days} local days ending with the evaluation date, that day included. */
  record LastDays(int days) implements EventWindow {
    public LastDays {
      require(
          days >= 1 && days <= TimeRange.MAX_DAYS, "days", "must be 1 to " + TimeRange.MAX_DAYS);
    }

    @Override
    public TimeRange resolve(LocalDate asOf, ZoneId zone) {
      return new TimeRange(asOf.minusDays(days - 1L), asOf, zone);
    }
  }

  static EventWindow ever() {
    return new Ever();
  }

  static EventWindow between(TimeRange range) {
    return new Between(range);
  }

  static EventWindow lastDays(int days) {
    return new LastDays(days);
  }
}
