package dev.sextant.query.model;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/** A funnel per group (one group, {@link GroupKey#NONE}, without group-by). */
public record FunnelResult(List<Group> groups) {

  public FunnelResult {
    groups = List.copyOf(groups);
  }

  /**
   * @param users users who reached each step (index 0 = step 1)
   * @param medianMillis for each step after the first (index 0 = step 1 to 2), the lower median
   *     time from the previous step over users who reached it; null when none did
   */
  public record Group(GroupKey group, List<Long> users, List<Long> medianMillis) {
    public Group {
      Objects.requireNonNull(group, "group");
      users = List.copyOf(users);
      medianMillis = Collections.unmodifiableList(new ArrayList<>(medianMillis));
    }

    /** Users at step {@code step} (1-based) over users at the step before. */
    public BigDecimal stepConversion(int step) {
      return Ratio.of(users.get(step - 1), users.get(step - 2));
    }

    /** Users at the last step over users at step 1. */
    public BigDecimal overallConversion() {
      return Ratio.of(users.getLast(), users.getFirst());
    }
  }

  public Group group(GroupKey key) {
    return groups.stream().filter(g -> g.group().equals(key)).findFirst().orElse(null);
  }
}
