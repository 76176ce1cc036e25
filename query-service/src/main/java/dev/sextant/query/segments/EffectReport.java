package dev.sextant.query.segments;

import dev.sextant.query.campaign.ProportionComparison;
import dev.sextant.query.model.FunnelResult;
import dev.sextant.query.model.Ratio;
import java.math.BigDecimal;

/**
 * A campaign's effect on a funnel: per group, the users who entered the funnel (step 1) and those
 * who converted (the last step); the targeted group compared with the holdout and with users not
 * targeted.
 */
public record EffectReport(
    Group targeted,
    Group heldOut,
    Group notTargeted,
    Comparison targetedVsHeldOut,
    Comparison targetedVsNotTargeted) {

  /**
   * @param rate converted / users, 6 decimals; null without users
   */
  public record Group(long users, long converted, BigDecimal rate) {
    static Group of(FunnelResult funnel) {
      FunnelResult.Group group = funnel.groups().getFirst();
      long users = group.users().getFirst();
      long converted = group.users().getLast();
      return new Group(users, converted, Ratio.of(converted, users));
    }
  }

  /**
   * The targeted rate minus the other's, its 95 % interval and the two-sided p-value of the
   * two-proportion z-test; each null where it is undefined (a group without users, no variance).
   */
  public record Comparison(
      Double difference, Double lower95, Double upper95, Double z, Double pValue) {
    static Comparison of(Group targeted, Group other) {
      ProportionComparison c =
          new ProportionComparison(
              targeted.converted(), targeted.users(), other.converted(), other.users());
      return new Comparison(
          defined(c.difference()),
          defined(c.lower95()),
          defined(c.upper95()),
          defined(c.z()),
          defined(c.pValue()));
    }

    private static Double defined(double value) {
      return Double.isNaN(value) ? null : value;
    }
  }

  static EffectReport of(FunnelResult targeted, FunnelResult heldOut, FunnelResult notTargeted) {
    Group t = Group.of(targeted);
    Group h = Group.of(heldOut);
    Group n = Group.of(notTargeted);
    return new EffectReport(t, h, n, Comparison.of(t, h), Comparison.of(t, n));
  }
}
