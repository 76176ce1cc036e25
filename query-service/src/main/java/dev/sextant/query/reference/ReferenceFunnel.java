package dev.sextant.query.reference;

import static dev.sextant.query.reference.EventMatching.matches;

import dev.sextant.event.TrackedEvent;
import dev.sextant.query.model.FunnelAnalysis;
import dev.sextant.query.model.FunnelResult;
import dev.sextant.query.model.FunnelUsers;
import dev.sextant.query.model.GroupKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/** Funnels, per {@code docs/analyses.md}, "Funnels". */
final class ReferenceFunnel {

  private final UserResolver users;

  ReferenceFunnel(UserResolver users) {
    this.users = users;
  }

  /** A user's chain: the times of the steps reached, and its step-1 event. */
  record Chain(TrackedEvent first, List<Instant> times) {
    int level() {
      return times.size();
    }
  }

  FunnelResult run(FunnelAnalysis analysis, List<TrackedEvent> events) {
    int steps = analysis.steps().size();
    Map<GroupKey, List<Chain>> groups = new TreeMap<>(GroupKey.ORDER);
    UserEvents.byUser(events, users, e -> true)
        .values()
        .forEach(userEvents -> {
          Chain chain = chainOf(analysis, userEvents);
          if (chain != null) {
            GroupKey key =
                analysis.groupBy() == null
                    ? GroupKey.NONE
                    : ReferenceEventAnalysis.groupOf(chain.first(), List.of(analysis.groupBy()));
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(chain);
          }
        });
    if (groups.isEmpty() && analysis.groupBy() == null) {
      groups.put(GroupKey.NONE, List.of());
    }
    List<FunnelResult.Group> result = new ArrayList<>();
    groups.forEach((key, chains) -> result.add(groupOf(key, chains, steps)));
    return new FunnelResult(result);
  }

  /**
   * The users of a funnel's drill-down ({@code docs/analyses.md}, "Funnel users"): those whose
   * chain reaches (or stops just before) the step, of the requested group if any, sorted by id.
   */
  SortedSet<String> users(FunnelUsers request, List<TrackedEvent> events) {
    FunnelAnalysis analysis = request.funnel();
    SortedSet<String> found = new TreeSet<>();
    UserEvents.byUser(events, users, e -> true)
        .forEach((user, userEvents) -> {
          Chain chain = chainOf(analysis, userEvents);
          if (chain != null
              && request.outcome().holdsFor(chain.level(), request.step())
              && (request.group() == null
                  || request
                      .group()
                      .equals(
                          ReferenceEventAnalysis.groupOf(
                              chain.first(), List.of(analysis.groupBy()))))) {
            found.add(user);
          }
        });
    return found;
  }

  /**
   * The chain of the earliest step-1 event in the range from which the user gets furthest; steps
   * after the first are each the earliest event of the step at or after the previous step's time
   * and at most the window after the step-1 event. An event may fill consecutive steps it matches.
   */
  static Chain chainOf(FunnelAnalysis analysis, List<TrackedEvent> userEvents) {
    Chain best = null;
    for (TrackedEvent first : userEvents) {
      if (analysis.range().contains(first.time()) && matches(analysis.steps().getFirst(), first)) {
        Chain chain = chainFrom(analysis, userEvents, first);
        if (best == null || chain.level() > best.level()) {
          best = chain;
        }
      }
    }
    return best;
  }

  private static Chain chainFrom(
      FunnelAnalysis analysis, List<TrackedEvent> userEvents, TrackedEvent first) {
    Instant deadline = first.time().plus(analysis.window());
    List<Instant> times = new ArrayList<>();
    times.add(first.time());
    for (int step = 1; step < analysis.steps().size(); step++) {
      Instant previous = times.getLast();
      Instant next = null;
      for (TrackedEvent event : userEvents) {
        if (!event.time().isBefore(previous)
            && !event.time().isAfter(deadline)
            && matches(analysis.steps().get(step), event)) {
          next = event.time();
          break;
        }
      }
      if (next == null) {
        break;
      }
      times.add(next);
    }
    return new Chain(first, times);
  }

  private static FunnelResult.Group groupOf(GroupKey key, List<Chain> chains, int steps) {
    List<Long> users = new ArrayList<>();
    List<Long> medians = new ArrayList<>();
    for (int step = 0; step < steps; step++) {
      int level = step + 1;
      List<Chain> reached = chains.stream().filter(c -> c.level() >= level).toList();
      users.add((long) reached.size());
      if (step > 0) {
        int s = step;
        List<Long> gaps =
            reached.stream()
                .map(c -> c.times().get(s).toEpochMilli() - c.times().get(s - 1).toEpochMilli())
                .sorted()
                .toList();
        medians.add(gaps.isEmpty() ? null : gaps.get((gaps.size() - 1) / 2));
      }
    }
    return new FunnelResult.Group(key, users, medians);
  }
}
