package dev.sextant.query.model;

import static dev.sextant.query.model.InvalidQueryException.requirePropertyName;

/** What an event-analysis metric computes over its events in one bucket and group. */
public sealed interface Measure {

  /** The number of events. */
  record EventCount() implements Measure {}

  /** The number of distinct users. */
  record UserCount() implements Measure {}

  /** Events divided by distinct users. */
  record EventsPerUser() implements Measure {}

  /** Users whose first event ever is among these events (see "New users"). */
  record NewUsers() implements Measure {}

  /** A computation over a numeric property's values; events without a number are skipped. */
  sealed interface OfProperty extends Measure {
    String property();
  }

  /** The sum of the values; 0 when there are none. */
  record Sum(String property) implements OfProperty {
    public Sum {
      requirePropertyName(property, "property");
    }
  }

  /** The sum divided by the number of values; absent when there are none. */
  record Average(String property) implements OfProperty {
    public Average {
      requirePropertyName(property, "property");
    }
  }

  /** The smallest value; absent when there are none. */
  record Minimum(String property) implements OfProperty {
    public Minimum {
      requirePropertyName(property, "property");
    }
  }

  /** The largest value; absent when there are none. */
  record Maximum(String property) implements OfProperty {
    public Maximum {
      requirePropertyName(property, "property");
    }
  }

  /** The number of distinct values. */
  record DistinctValues(String property) implements OfProperty {
    public DistinctValues {
      requirePropertyName(property, "property");
    }
  }
}
