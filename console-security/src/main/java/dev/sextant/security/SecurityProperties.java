package dev.sextant.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of console security ({@code sextant.security.*}); documented in docs/configuration.md.
 *
 * @param initialAdminPassword the first admin's password when there is no user yet; when unset, a
 *     one-time password is generated and printed once to the console
 * @param signIn how hard password guessing is made
 */
@ConfigurationProperties("sextant.security")
public record SecurityProperties(String initialAdminPassword, SignIn signIn) {

  public SecurityProperties {
    signIn = signIn == null ? new SignIn(0, null) : signIn;
  }

  /**
   * @param maxFailures failed sign-ins per username before further tries are refused with 429
   *     (default 5); a client address may fail ten times as often
   * @param window the window those failures are counted in (default 15 minutes)
   */
  public record SignIn(int maxFailures, Duration window) {
    public SignIn {
      maxFailures = maxFailures <= 0 ? 5 : maxFailures;
      window = window == null ? Duration.ofMinutes(15) : window;
    }
  }
}
