package dev.sextant.query.model;

import static dev.sextant.query.model.InvalidQueryException.require;
import static dev.sextant.query.model.InvalidQueryException.requirePresent;
import static dev.sextant.query.model.InvalidQueryException.requirePropertyName;

import java.time.Duration;

/**
 * Sessions (session 分析): each user's events cut into sessions after {@code timeout} of inactivity.
 *
 * @param events the events sessions are built from
 * @param pageViews which of them are page views (pages per session, bounce, dwell)
 * @param pageProperty the property naming the page, for dwell time per page; null for none
 * @param timeout the inactivity that ends a session, 1 minute to 24 hours
 * @param range the local dates analysed
 * @param granularity buckets sessions by their start
 */
public record SessionAnalysis(
    EventCriteria events,
    EventCriteria pageViews,
    String pageProperty,
    Duration timeout,
    TimeRange range,
    Granularity granularity)
    implements Analysis {

  public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(30);

  public SessionAnalysis {
    requirePresent(events, "events");
    requirePresent(pageViews, "pageViews");
    if (pageProperty != null) {
      requirePropertyName(pageProperty, "pageProperty");
    }
    requirePresent(timeout, "timeout");
    require(
        timeout.compareTo(Duration.ofMinutes(1)) >= 0
            && timeout.compareTo(Duration.ofHours(24)) <= 0,
        "timeout",
        "must be 1 minute to 24 hours");
    requirePresent(range, "range");
    requirePresent(granularity, "granularity");
    require(
        granularity != Granularity.HOUR || range.days() <= EventAnalysis.MAX_HOURLY_DAYS,
        "granularity",
        "hourly series cover at most " + EventAnalysis.MAX_HOURLY_DAYS + " days");
  }

  /** Sessions of all events, 30 minute timeout, page views as Sensors names them. */
  public static SessionAnalysis of(TimeRange range, Granularity granularity) {
    return new SessionAnalysis(
        EventCriteria.anyEvent(), Metric.PAGE_VIEWS, null, DEFAULT_TIMEOUT, range, granularity);
  }
}
