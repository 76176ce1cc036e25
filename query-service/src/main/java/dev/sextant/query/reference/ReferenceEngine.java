package dev.sextant.query.reference;

import dev.sextant.event.TrackedEvent;
import dev.sextant.query.model.DistributionAnalysis;
import dev.sextant.query.model.DistributionResult;
import dev.sextant.query.model.EventAnalysis;
import dev.sextant.query.model.EventAnalysisResult;
import dev.sextant.query.model.FunnelAnalysis;
import dev.sextant.query.model.FunnelResult;
import dev.sextant.query.model.FunnelUsers;
import dev.sextant.query.model.RetentionAnalysis;
import dev.sextant.query.model.RetentionResult;
import dev.sextant.query.model.Segment;
import dev.sextant.query.model.SessionAnalysis;
import dev.sextant.query.model.SessionResult;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;

/**
 * Runs every analysis over all of a project's events held in memory. The events are the whole
 * store, not only the range: new users and first-time retention look at earlier events.
 */
public final class ReferenceEngine {

  private final UserResolver users;

  public ReferenceEngine(UserResolver users) {
    this.users = Objects.requireNonNull(users, "users");
  }

  /** An engine that takes each distinct id for one user. */
  public static ReferenceEngine byDistinctId() {
    return new ReferenceEngine(UserResolver.byDistinctId());
  }

  public EventAnalysisResult run(EventAnalysis analysis, List<TrackedEvent> events) {
    return new ReferenceEventAnalysis(users).run(analysis, events);
  }

  public SessionResult run(SessionAnalysis analysis, List<TrackedEvent> events) {
    return new ReferenceSessions(users).run(analysis, events);
  }

  public FunnelResult run(FunnelAnalysis analysis, List<TrackedEvent> events) {
    return new ReferenceFunnel(users).run(analysis, events);
  }

  /** The users of a funnel's drill-down, sorted by id. */
  public SortedSet<String> users(FunnelUsers request, List<TrackedEvent> events) {
    return new ReferenceFunnel(users).users(request, events);
  }

  public RetentionResult run(RetentionAnalysis analysis, List<TrackedEvent> events) {
    return new ReferenceRetention(users).run(analysis, events);
  }

  public DistributionResult run(DistributionAnalysis analysis, List<TrackedEvent> events) {
    return new ReferenceDistributions(users).run(analysis, events);
  }

  /** The segment's members: users of the stored events who meet its rule, sorted. */
  public SortedSet<String> members(Segment segment, List<TrackedEvent> events) {
    return new ReferenceSegments(users).members(segment, events);
  }

  /**
   * The events of these users only: an analysis restricted to a segment is the same analysis over
   * its members' events ({@code docs/analyses.md}, "Segments in analyses").
   */
  public List<TrackedEvent> eventsOf(Set<String> members, List<TrackedEvent> events) {
    return events.stream().filter(e -> members.contains(users.userOf(e))).toList();
  }
}
