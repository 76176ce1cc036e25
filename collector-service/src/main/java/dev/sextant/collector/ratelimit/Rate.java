package dev.sextant.collector.ratelimit;

/**
 * A token bucket's shape: {@code perSecond} tokens come back every second, up to {@code burst} held
 * at once. A rate of 0 per second means no limit.
 *
 * @param perSecond the sustained rate; 0 for none
 * @param burst the most tokens spent at once after a quiet spell; 0 takes one second's worth
 */
public record Rate(long perSecond, long burst) {

  public static final Rate UNLIMITED = new Rate(0, 0);

  public Rate {
    if (perSecond < 0 || burst < 0) {
      throw new IllegalArgumentException(
          "a rate must not be negative: " + perSecond + "/s, burst " + burst);
    }
    if (burst == 0) {
      burst = perSecond;
    }
  }

  public boolean unlimited() {
    return perSecond == 0;
  }
}
