package dev.sextant.query.model;

import static dev.sextant.query.model.InvalidQueryException.require;
import static dev.sextant.query.model.InvalidQueryException.requirePresent;
import static dev.sextant.query.model.InvalidQueryException.requirePropertyName;

import java.math.BigDecimal;
import java.util.List;

/** Distributions (分布分析) of the events that meet the criteria in the range. */
public sealed interface DistributionAnalysis extends Analysis {

  int MAX_BOUNDS = 100;

  EventCriteria events();

  /**
   * Users by their number of events. {@code bounds} b1 &lt; ... &lt; bn make the buckets [1, b1),
   * [b1, b2), ..., [bn, ∞); b1 &gt; 1.
   */
  record EventsPerUser(EventCriteria events, TimeRange range, List<Long> bounds)
      implements DistributionAnalysis {
    public EventsPerUser {
      requirePresent(events, "events");
      requirePresent(range, "range");
      bounds = List.copyOf(requirePresent(bounds, "bounds"));
      require(!bounds.isEmpty() && bounds.size() <= MAX_BOUNDS, "bounds", "needs 1 to 100 bounds");
      require(bounds.get(0) > 1, "bounds[0]", "must be greater than 1");
      for (int i = 1; i < bounds.size(); i++) {
        require(bounds.get(i) > bounds.get(i - 1), "bounds[" + i + "]", "must increase");
      }
    }
  }

  /** Events and users by local hour of day, 0 to 23. */
  record HourOfDay(EventCriteria events, TimeRange range) implements DistributionAnalysis {
    public HourOfDay {
      requirePresent(events, "events");
      requirePresent(range, "range");
    }
  }

  /** Events and users by local day of week, 1 (Monday) to 7 (Sunday). */
  record DayOfWeek(EventCriteria events, TimeRange range) implements DistributionAnalysis {
    public DayOfWeek {
      requirePresent(events, "events");
      requirePresent(range, "range");
    }
  }

  /**
   * Events and users by a numeric property's value. {@code bounds} b1 &lt; ... &lt; bn make the
   * buckets (-∞, b1), [b1, b2), ..., [bn, ∞).
   */
  record Histogram(EventCriteria events, String property, TimeRange range, List<BigDecimal> bounds)
      implements DistributionAnalysis {
    public Histogram {
      requirePresent(events, "events");
      requirePropertyName(property, "property");
      requirePresent(range, "range");
      bounds = List.copyOf(requirePresent(bounds, "bounds"));
      require(!bounds.isEmpty() && bounds.size() <= MAX_BOUNDS, "bounds", "needs 1 to 100 bounds");
      for (int i = 1; i < bounds.size(); i++) {
        require(
            bounds.get(i).compareTo(bounds.get(i - 1)) > 0, "bounds[" + i + "]", "must increase");
      }
    }
  }
}
