package dev.sextant.store.clickhouse;

import java.util.Comparator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A ClickHouse server version, ordered numerically: {@code 18.16.1 < 24.8.4.13}. Used to decide
 * what SQL and settings a server understands (an unknown setting is an error on every version).
 *
 * @param major e.g. 18 or 24
 * @param minor e.g. 16 or 8
 * @param patch e.g. 1 or 4
 * @param build 0 when the server does not report one (18.16 reports three parts)
 */
public record ClickHouseVersion(int major, int minor, int patch, int build)
    implements Comparable<ClickHouseVersion> {

  /** Leading numeric parts; suffixes such as {@code -testing} or {@code (official build)} drop. */
  private static final Pattern VERSION =
      Pattern.compile("(\\d+)\\.(\\d+)(?:\\.(\\d+))?(?:\\.(\\d+))?");

  private static final Comparator<ClickHouseVersion> ORDER =
      Comparator.comparingInt(ClickHouseVersion::major)
          .thenComparingInt(ClickHouseVersion::minor)
          .thenComparingInt(ClickHouseVersion::patch)
          .thenComparingInt(ClickHouseVersion::build);

  public ClickHouseVersion {
    if (major < 0 || minor < 0 || patch < 0 || build < 0) {
      throw new IllegalArgumentException("version parts must not be negative");
    }
  }

  /**
   * Parses what {@code SELECT version()} returns.
   *
   * @throws IllegalArgumentException if the text does not start with {@code major.minor}
   */
  public static ClickHouseVersion parse(String text) {
    Matcher matcher = VERSION.matcher(text.strip());
    if (!matcher.lookingAt()) {
      throw new IllegalArgumentException("not a ClickHouse version: " + text);
    }
    return new ClickHouseVersion(
        part(matcher.group(1)),
        part(matcher.group(2)),
        part(matcher.group(3)),
        part(matcher.group(4)));
  }

  /** Whether this is {@code major.minor} or later. */
  public boolean isAtLeast(int major, int minor) {
    return compareTo(new ClickHouseVersion(major, minor, 0, 0)) >= 0;
  }

  @Override
  public int compareTo(ClickHouseVersion other) {
    return ORDER.compare(this, other);
  }

  /** As the server writes it: {@code 18.16.1}, {@code 24.8.4.13}. */
  @Override
  public String toString() {
    String version = major + "." + minor + "." + patch;
    return build == 0 ? version : version + "." + build;
  }

  private static int part(String digits) {
    return digits == null ? 0 : Integer.parseInt(digits);
  }
}
