package dev.sextant.security.users;

import java.io.PrintStream;
import java.security.SecureRandom;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;

/**
 * Creates the first admin when there is no user at all. Its password is either configured ({@code
 * sextant.security.initial-admin-password}, e.g. from a Kubernetes secret) or generated and printed
 * once to the console, not through the logger, so that it does not travel with the logs; a
 * generated one must be changed at the first sign-in.
 */
public final class FirstAdmin implements ApplicationRunner {

  public static final String USERNAME = "admin";

  private static final Logger LOG = LoggerFactory.getLogger(FirstAdmin.class);
  private static final char[] ALPHABET =
      "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();

  private final ConsoleUserStorage storage;
  private final ConsoleUsers users;
  private final String configuredPassword;
  private final PrintStream console;

  public FirstAdmin(
      ConsoleUserStorage storage,
      ConsoleUsers users,
      String configuredPassword,
      PrintStream console) {
    this.storage = storage;
    this.users = users;
    this.configuredPassword = configuredPassword;
    this.console = console;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (!storage.isEmpty()) {
      return;
    }
    boolean generated = configuredPassword == null || configuredPassword.isBlank();
    String password = generated ? generatePassword() : configuredPassword;
    try {
      users.create(USERNAME, password, Role.ADMIN, Set.of(), generated);
    } catch (InvalidAccountException e) {
      throw new IllegalStateException(
          "sextant.security.initial-admin-password is not acceptable: " + e.getMessage(), e);
    } catch (UsernameTakenException e) {
      // Another replica started at the same moment and created it: its console shows the password.
      return;
    }
    if (generated) {
      console.printf(
          "%n==========================================================%n"
              + " Sextant console: first admin created%n"
              + "   username: %s%n"
              + "   one-time password: %s%n"
              + " Shown only this once; you will choose your own at sign-in.%n"
              + "==========================================================%n%n",
          USERNAME, password);
    }
    LOG.info(
        "Created the first console admin '{}' ({} password)",
        USERNAME,
        generated ? "one-time, printed to the console" : "configured");
  }

  /** 20 characters from 56 unambiguous ones: about 116 bits. */
  static String generatePassword() {
    SecureRandom random = new SecureRandom();
    StringBuilder password = new StringBuilder();
    for (int i = 0; i < 20; i++) {
      password.append(ALPHABET[random.nextInt(ALPHABET.length)]);
    }
    return password.toString();
  }
}
