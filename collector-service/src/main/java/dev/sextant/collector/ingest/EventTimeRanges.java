package dev.sextant.collector.ingest;

import java.util.Map;

/**
 * The accepted event time range of each project: a default, and the projects that set their own.
 */
public record EventTimeRanges(EventTimeRange defaults, Map<String, EventTimeRange> byProject) {

  /** Every project accepts any time. */
  public static final EventTimeRanges UNBOUNDED =
      new EventTimeRanges(EventTimeRange.UNBOUNDED, Map.of());

  public EventTimeRanges {
    byProject = Map.copyOf(byProject);
  }

  public EventTimeRange of(String project) {
    return byProject.getOrDefault(project, defaults);
  }
}
