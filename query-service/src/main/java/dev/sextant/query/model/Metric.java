package dev.sextant.query.model;

import static dev.sextant.query.model.InvalidQueryException.requirePresent;

/** One line of an event analysis: a measure over the events that meet the criteria. */
public record Metric(EventCriteria events, Measure measure) {

  /** The events Sensors counts as page views: {@code $pageview} (web), {@code $AppViewScreen}. */
  public static final EventCriteria PAGE_VIEWS = EventCriteria.named("$pageview", "$AppViewScreen");

  public Metric {
    requirePresent(events, "events");
    requirePresent(measure, "measure");
  }

  /** PV: the number of page views. */
  public static Metric pageViews() {
    return new Metric(PAGE_VIEWS, new Measure.EventCount());
  }

  /** UV: the number of users who viewed a page. */
  public static Metric uniqueVisitors() {
    return new Metric(PAGE_VIEWS, new Measure.UserCount());
  }

  /** Active users: users with any event (DAU, WAU, MAU by granularity). */
  public static Metric activeUsers() {
    return new Metric(EventCriteria.anyEvent(), new Measure.UserCount());
  }

  /** New users: users first seen in the bucket. */
  public static Metric newUsers() {
    return new Metric(EventCriteria.anyEvent(), new Measure.NewUsers());
  }
}
