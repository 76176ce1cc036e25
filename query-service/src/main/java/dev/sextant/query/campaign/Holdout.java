package dev.sextant.query.campaign;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;

/**
 * Which members of a campaign's audience are held out: a user is held out when the SHA-256 of the
 * campaign id and the user id, read as a number, falls in the first {@code percent} % of its range.
 * Deterministic per user and campaign (a re-run or a later snapshot holds out the same users), and
 * independent between campaigns.
 *
 * @param percent 0 to 90
 */
public record Holdout(String campaignId, int percent) {

  /** Basis points of the hash range: percentages with up to two decimals would fit. */
  private static final long SCALE = 10_000;

  public Holdout {
    if (campaignId == null || campaignId.isBlank()) {
      throw new IllegalArgumentException("campaignId is required");
    }
    if (percent < 0 || percent > 90) {
      throw new IllegalArgumentException("percent must be 0 to 90, got " + percent);
    }
  }

  public boolean isHeldOut(String userId) {
    return bucketOf(userId) < percent * (SCALE / 100);
  }

  /** The members split into targeted and held-out users, each in the given order. */
  public Split split(List<String> members) {
    List<String> targeted = new ArrayList<>();
    List<String> heldOut = new ArrayList<>();
    for (String member : members) {
      (isHeldOut(member) ? heldOut : targeted).add(member);
    }
    return new Split(targeted, heldOut);
  }

  /** A campaign's audience: who is targeted and who is held out. */
  public record Split(List<String> targeted, List<String> heldOut) {
    public Split {
      targeted = List.copyOf(targeted);
      heldOut = List.copyOf(heldOut);
    }
  }

  private long bucketOf(String userId) {
    byte[] digest = sha256().digest((campaignId + "\n" + userId).getBytes(StandardCharsets.UTF_8));
    long value = 0;
    for (int i = 0; i < 8; i++) {
      value = (value << 8) | (digest[i] & 0xff);
    }
    return Long.remainderUnsigned(value, SCALE);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
