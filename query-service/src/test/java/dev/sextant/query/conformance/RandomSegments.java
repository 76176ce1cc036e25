package dev.sextant.query.conformance;

import dev.sextant.query.model.EventWindow;
import dev.sextant.query.model.Frequency;
import dev.sextant.query.model.Frequency.Threshold;
import dev.sextant.query.model.Segment;
import dev.sextant.query.model.SegmentRule;
import java.util.ArrayList;
import java.util.List;

/**
 * Random, valid segments over {@link GeneratedEvents}: every condition kind, thresholds around the
 * users' typical counts (0 to 4, so "exactly", "at least 0" and "did not" all occur), sums of
 * {@code amount} around 0, the three kinds of window and nested AND / OR groups.
 */
final class RandomSegments {

  private final RandomAnalyses random;

  RandomSegments(long seed) {
    this.random = new RandomAnalyses(seed);
  }

  /** The analyses generator that shares this one's random stream. */
  RandomAnalyses analyses() {
    return random;
  }

  boolean nextBoolean() {
    return random.nextInt(2) == 0;
  }

  Segment segment() {
    return new Segment(
        rule(2),
        GeneratedEvents.FIRST_DAY.plusDays(random.nextInt(25)),
        random.pick(RandomAnalyses.ZONES));
  }

  SegmentRule rule(int depth) {
    if (depth > 0 && random.nextInt(3) == 0) {
      List<SegmentRule> members = new ArrayList<>();
      int n = random.nextInt(4);
      for (int i = 0; i < n; i++) {
        members.add(rule(depth - 1));
      }
      if (members.isEmpty() || nextBoolean()) {
        return new SegmentRule.AllOf(members);
      }
      return new SegmentRule.AnyOf(members);
    }
    return condition();
  }

  private SegmentRule condition() {
    if (random.nextInt(4) == 0) {
      return new SegmentRule.FirstDid(random.criteria(), window());
    }
    return new SegmentRule.Behaviour(
        random.nextInt(3) != 0, random.criteria(), window(), frequency());
  }

  private Frequency frequency() {
    Threshold threshold = random.pick(List.of(Threshold.values()));
    if (random.nextInt(4) == 0) {
      return new Frequency.Sum("amount", threshold, random.number());
    }
    return new Frequency.Count(threshold, random.nextInt(5));
  }

  private EventWindow window() {
    return switch (random.nextInt(3)) {
      case 0 -> EventWindow.ever();
      case 1 -> EventWindow.between(random.range());
      default -> EventWindow.lastDays(1 + random.nextInt(12));
    };
  }
}
