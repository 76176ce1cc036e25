package dev.sextant.demo.simulation;

import java.util.HexFormat;
import java.util.UUID;

/**
 * The ids of the simulation, all derived from the seed and the user's index so that a run is
 * reproducible and no id collides with one a person would type in a test ({@code user-42}).
 */
public final class DemoIds {

  private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

  private DemoIds() {}

  /** The login id the user gets when signing up, e.g. {@code demo-u-000123}. */
  public static String loginId(int user) {
    return "demo-u-" + pad(user);
  }

  /** The device's anonymous id, used before the user signs up, e.g. {@code demo-anon-5f0c…}. */
  public static String anonymousId(long seed, int user) {
    return "demo-anon-" + HexFormat.of().toHexDigits(userKey(seed ^ 0x5EED_A0A0L, user));
  }

  /**
   * A stable insert id: the user's key (distinct for distinct users, since {@link #mix} is a
   * bijection) and the user's event counter.
   */
  static String insertId(long userKey, long counter) {
    return new UUID(userKey, counter).toString();
  }

  /** A Sensors-style {@code _track_id}: a positive 31-bit number, stable for a seed. */
  static long trackId(long userKey, long counter) {
    return mix(userKey + counter * GOLDEN_GAMMA) & 0x7FFF_FFFFL;
  }

  /** The per-user key that seeds the user's random generator and prefixes its insert ids. */
  static long userKey(long seed, int user) {
    return mix(seed + GOLDEN_GAMMA * (user + 1L));
  }

  private static String pad(int number) {
    String digits = Integer.toString(number);
    return digits.length() >= 6 ? digits : "000000".substring(digits.length()) + digits;
  }

  /** SplitMix64's finaliser: a bijection on longs that spreads neighbouring inputs apart. */
  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
