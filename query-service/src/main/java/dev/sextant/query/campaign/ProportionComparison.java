package dev.sextant.query.campaign;

/**
 * A targeted group's conversion against a control group's (the holdout, or users not targeted): the
 * rates, their difference, its 95 % confidence interval (Wald, unpooled) and the two-sided p-value
 * of the two-proportion z-test (pooled). A group without users has no rate; then the difference,
 * interval and p-value are absent (NaN) too, as they are when both rates are 0 or 1 (no variance to
 * test).
 *
 * @param converted users of the targeted group who converted
 * @param users users of the targeted group
 * @param controlConverted users of the control group who converted
 * @param controlUsers users of the control group
 */
public record ProportionComparison(
    long converted, long users, long controlConverted, long controlUsers) {

  /** The normal quantile of 97.5 %: a two-sided 95 % interval is ± this many standard errors. */
  public static final double Z_95 = 1.959963984540054;

  public ProportionComparison {
    check(converted, users, "converted");
    check(controlConverted, controlUsers, "controlConverted");
  }

  private static void check(long converted, long users, String name) {
    if (users < 0 || converted < 0 || converted > users) {
      throw new IllegalArgumentException(
          name + " must be 0 to the group's users: " + converted + " of " + users);
    }
  }

  public double rate() {
    return users == 0 ? Double.NaN : (double) converted / users;
  }

  public double controlRate() {
    return controlUsers == 0 ? Double.NaN : (double) controlConverted / controlUsers;
  }

  /** The targeted rate minus the control rate. */
  public double difference() {
    return rate() - controlRate();
  }

  /** The unpooled standard error of the difference. */
  private double standardError() {
    double p = rate();
    double q = controlRate();
    return Math.sqrt(p * (1 - p) / users + q * (1 - q) / controlUsers);
  }

  public double lower95() {
    return bound(-1);
  }

  public double upper95() {
    return bound(1);
  }

  private double bound(int sign) {
    double error = standardError();
    return error > 0 ? difference() + sign * Z_95 * error : Double.NaN;
  }

  /** The z statistic with the pooled rate: (p1 − p2) / √(p(1−p)(1/n1 + 1/n2)). */
  public double z() {
    if (users == 0 || controlUsers == 0) {
      return Double.NaN;
    }
    double pooled = (double) (converted + controlConverted) / (users + controlUsers);
    double error = Math.sqrt(pooled * (1 - pooled) * (1.0 / users + 1.0 / controlUsers));
    return error > 0 ? difference() / error : Double.NaN;
  }

  /** The two-sided p-value of {@link #z}. */
  public double pValue() {
    double z = z();
    return Double.isNaN(z) ? Double.NaN : NormalDistribution.twoSidedTail(z);
  }
}
