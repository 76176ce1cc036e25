package dev.sextant.query.segments;

import dev.sextant.query.model.FunnelResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A funnel compared across segments ("compare segments", e.g. pushed against not pushed): per
 * segment the users who entered and converted, and the first segment compared with each other.
 */
public record SegmentComparison(List<Named> groups, List<Versus> comparisons) {

  public record Named(String name, EffectReport.Group group) {}

  /** The first segment against {@code other}. */
  public record Versus(String other, EffectReport.Comparison comparison) {}

  static SegmentComparison of(Map<String, FunnelResult> funnels) {
    List<Named> groups = new ArrayList<>();
    funnels.forEach((name, funnel) -> groups.add(new Named(name, EffectReport.Group.of(funnel))));
    List<Versus> comparisons = new ArrayList<>();
    for (Named other : groups.subList(1, groups.size())) {
      comparisons.add(
          new Versus(
              other.name(), EffectReport.Comparison.of(groups.getFirst().group(), other.group())));
    }
    return new SegmentComparison(groups, comparisons);
  }
}
