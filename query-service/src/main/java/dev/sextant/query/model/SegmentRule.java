package dev.sextant.query.model;

import static dev.sextant.query.model.InvalidQueryException.require;
import static dev.sextant.query.model.InvalidQueryException.requirePresent;

import java.util.Arrays;
import java.util.List;

/**
 * A condition on a user (用户分群), evaluated over every user with at least one stored event. The
 * semantics are in {@code docs/analyses.md}, "Segments".
 *
 * <p>Profile-property conditions ("city = Shenzhen") belong here as one more record once user
 * profiles are stored; until then there is nothing to compare them with. The compilers and the
 * reference switch exhaustively over this interface, so adding that record points at every place
 * that must learn it.
 */
public sealed interface SegmentRule {

  /** How deep groups may nest. */
  int MAX_DEPTH = 5;

  /** At most this many conditions in a group. */
  int MAX_MEMBERS = 50;

  /** The nesting depth: 0 for a condition. */
  int depth();

  static SegmentRule all(SegmentRule... rules) {
    return new AllOf(Arrays.asList(rules));
  }

  static SegmentRule any(SegmentRule... rules) {
    return new AnyOf(Arrays.asList(rules));
  }

  /** The user did {@code events} at least once in the window. */
  static SegmentRule did(EventCriteria events, EventWindow window) {
    return new Behaviour(true, events, window, Frequency.atLeastOnce());
  }

  /** The user did not do {@code events} in the window. */
  static SegmentRule didNot(EventCriteria events, EventWindow window) {
    return new Behaviour(false, events, window, Frequency.atLeastOnce());
  }

  /**
   * "Did / did not do E [with filter] [N times | sum of P op X] within W": the user's value (the
   * number of matching events in the window, or the sum of a number property over them; 0 when
   * there are none) meets the frequency; {@code done = false} negates that.
   */
  record Behaviour(boolean done, EventCriteria events, EventWindow window, Frequency frequency)
      implements SegmentRule {
    public Behaviour {
      requirePresent(events, "events");
      requirePresent(window, "window");
      requirePresent(frequency, "frequency");
    }

    @Override
    public int depth() {
      return 0;
    }
  }

  /**
   * "First did E within W": the user's first event ever (over the whole store) that meets {@code
   * events} falls in the window. E.g. registered in January.
   */
  record FirstDid(EventCriteria events, EventWindow window) implements SegmentRule {
    public FirstDid {
      requirePresent(events, "events");
      requirePresent(window, "window");
    }

    @Override
    public int depth() {
      return 0;
    }
  }

  /** Every rule holds; an empty group holds for every user. */
  record AllOf(List<SegmentRule> rules) implements SegmentRule {
    public AllOf {
      rules = checkGroup(rules);
    }

    @Override
    public int depth() {
      return 1 + rules.stream().mapToInt(SegmentRule::depth).max().orElse(0);
    }
  }

  /** At least one rule holds; an empty group is refused. */
  record AnyOf(List<SegmentRule> rules) implements SegmentRule {
    public AnyOf {
      rules = checkGroup(rules);
      require(!rules.isEmpty(), "rules", "an OR group needs at least one rule");
    }

    @Override
    public int depth() {
      return 1 + rules.stream().mapToInt(SegmentRule::depth).max().orElse(0);
    }
  }

  private static List<SegmentRule> checkGroup(List<SegmentRule> rules) {
    List<SegmentRule> copy = List.copyOf(requirePresent(rules, "rules"));
    require(copy.size() <= MAX_MEMBERS, "rules", "at most " + MAX_MEMBERS + " rules in a group");
    for (int i = 0; i < copy.size(); i++) {
      require(copy.get(i).depth() < MAX_DEPTH, "rules[" + i + "]", "groups nest too deep");
    }
    return copy;
  }
}
