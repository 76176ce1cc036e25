package dev.sextant.security.users;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * A person who signs in to the console.
 *
 * @param username the sign-in name: letters, digits and {@code _ . @ -}, 2 to 64 characters
 * @param passwordHash the password as the encoder stored it (bcrypt), never the password
 * @param role what the user may do
 * @param businessLines for an analyst, the business lines (by name) they may analyse besides the
 *     shared ones; empty for every other role
 * @param mustChangePassword whether the password was set by someone else (first start, an admin)
 *     and must be replaced before anything else
 * @param enabled whether the user may sign in
 * @param createdAt when the account was created
 * @param passwordChangedAt when the password was last set; sessions signed in before are ended
 */
public record ConsoleUser(
    String username,
    String passwordHash,
    Role role,
    Set<String> businessLines,
    boolean mustChangePassword,
    boolean enabled,
    Instant createdAt,
    Instant passwordChangedAt) {

  private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9_.@-]{2,64}");
  private static final Pattern BUSINESS_LINE = Pattern.compile("[A-Za-z0-9_]{1,64}");

  public ConsoleUser {
    Objects.requireNonNull(passwordHash, "passwordHash");
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(passwordChangedAt, "passwordChangedAt");
    if (username == null || !USERNAME.matcher(username).matches()) {
      throw new InvalidAccountException(
          "username", "a username has 2 to 64 letters, digits or _ . @ -");
    }
    businessLines = Set.copyOf(businessLines == null ? Set.of() : businessLines);
    for (String line : businessLines) {
      if (!BUSINESS_LINE.matcher(line).matches()) {
        throw new InvalidAccountException(
            "business_lines", "not a business-line name: " + line.replaceAll("[^ -~]", "?"));
      }
    }
    if (role == Role.ANALYST && businessLines.isEmpty()) {
      throw new InvalidAccountException(
          "business_lines", "an analyst needs at least one business line");
    }
    if (role != Role.ANALYST && !businessLines.isEmpty()) {
      throw new InvalidAccountException(
          "business_lines", "only analysts are scoped to business lines");
    }
  }

  /** The business lines in name order, for storage and display. */
  public Set<String> sortedBusinessLines() {
    return new TreeSet<>(businessLines);
  }

  public ConsoleUser withPassword(String newHash, boolean mustChange, Instant at) {
    return new ConsoleUser(
        username, newHash, role, businessLines, mustChange, enabled, createdAt, at);
  }

  public ConsoleUser withAccess(Role newRole, Set<String> newLines, boolean nowEnabled) {
    return new ConsoleUser(
        username,
        passwordHash,
        newRole,
        newLines,
        mustChangePassword,
        nowEnabled,
        createdAt,
        passwordChangedAt);
  }
}
