package dev.sextant.security.signin;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * The two throttles of sign-in: per username (guessing one account's password) and per client
 * address, which allows ten times more failures because an office behind one NAT address shares it.
 */
public record SignInThrottles(LoginThrottle byUsername, LoginThrottle byAddress) {

  public static final int ADDRESS_FACTOR = 10;

  /** How long this sign-in must wait; empty when it may try now. */
  public Optional<Duration> retryAfter(String username, String address) {
    return byUsername.retryAfter(key(username)).or(() -> byAddress.retryAfter(address));
  }

  public void failed(String username, String address) {
    byUsername.recordFailure(key(username));
    byAddress.recordFailure(address);
  }

  public void succeeded(String username) {
    byUsername.recordSuccess(key(username));
  }

  private static String key(String username) {
    return username.toLowerCase(Locale.ROOT);
  }
}
