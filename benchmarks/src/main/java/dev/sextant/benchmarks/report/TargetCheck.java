package dev.sextant.benchmarks.report;

/**
 * One of the issues' targets, next to what this run measured.
 *
 * @param what what is measured, e.g. "sink rows/s ÷ raw ClickHouse insert rows/s"
 * @param target the target as the issue states it, e.g. "≥ 0.7"
 * @param measured the figure of this run, formatted
 * @param met whether the figure meets the target
 */
public record TargetCheck(String what, String target, String measured, boolean met) {

  /** A target of at least {@code minimum}. */
  public static TargetCheck atLeast(String what, double minimum, double measured, String format) {
    return new TargetCheck(
        what, "≥ " + format.formatted(minimum), format.formatted(measured), measured >= minimum);
  }

  /** A target of at most {@code maximum}. */
  public static TargetCheck atMost(String what, double maximum, double measured, String format) {
    return new TargetCheck(
        what, "≤ " + format.formatted(maximum), format.formatted(measured), measured <= maximum);
  }
}
