package dev.sextant.security.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

class FirstAdminTest {

  private final InMemoryConsoleUserStorage storage = new InMemoryConsoleUserStorage();
  private final PasswordEncoder encoder =
      PasswordEncoderFactories.createDelegatingPasswordEncoder();
  private final ConsoleUsers users =
      new ConsoleUsers(
          storage, encoder, Clock.fixed(Instant.parse("2026-11-25T08:00:00Z"), ZoneOffset.UTC));
  private final ByteArrayOutputStream console = new ByteArrayOutputStream();

  private FirstAdmin firstAdmin(String configured) {
    return new FirstAdmin(
        storage, users, configured, new PrintStream(console, true, StandardCharsets.UTF_8));
  }

  @Test
  void printsAGeneratedOneTimePasswordOnceAndRequiresItsChange() {
    firstAdmin(null).run(null);
    firstAdmin(null).run(null);

    String printed = console.toString(StandardCharsets.UTF_8);
    Matcher password = Pattern.compile("one-time password: (\\S+)").matcher(printed);
    assertThat(password.find()).as(printed).isTrue();
    assertThat(password.find()).as("printed once, not at the second start").isFalse();
    ConsoleUser admin = storage.find(FirstAdmin.USERNAME).orElseThrow();
    assertThat(admin.role()).isEqualTo(Role.ADMIN);
    assertThat(admin.mustChangePassword()).isTrue();
    password.reset().find();
    assertThat(encoder.matches(password.group(1), admin.passwordHash())).isTrue();
    assertThat(admin.passwordHash()).doesNotContain(password.group(1));
  }

  @Test
  void usesAConfiguredPasswordWithoutPrintingItOrRequiringAChange() {
    firstAdmin("configured-by-the-operator").run(null);

    assertThat(console.toString(StandardCharsets.UTF_8)).isEmpty();
    ConsoleUser admin = storage.find(FirstAdmin.USERNAME).orElseThrow();
    assertThat(admin.mustChangePassword()).isFalse();
    assertThat(encoder.matches("configured-by-the-operator", admin.passwordHash())).isTrue();
  }

  @Test
  void createsNoAdminWhenUsersExist() {
    users.create("li.lei", "someone-s-password", Role.PLAN_DEVELOPER, Set.of(), true);

    firstAdmin(null).run(null);

    assertThat(storage.find(FirstAdmin.USERNAME)).isEmpty();
    assertThat(console.toString(StandardCharsets.UTF_8)).isEmpty();
  }

  @Test
  void refusesAConfiguredPasswordThatBreaksThePolicyNamingTheSetting() {
    assertThatThrownBy(() -> firstAdmin("short").run(null))
        .hasMessageContaining("sextant.security.initial-admin-password");
  }

  @Test
  void changingAPasswordNeedsTheCurrentOneAndClearsTheObligation() {
    users.create("li.lei", "temporary-pass-1", Role.PLAN_DEVELOPER, Set.of(), true);

    assertThatThrownBy(() -> users.changePassword("li.lei", "wrong", "a-brand-new-password"))
        .isInstanceOf(WrongPasswordException.class);
    assertThatThrownBy(() -> users.changePassword("li.lei", "temporary-pass-1", "temporary-pass-1"))
        .hasMessageContaining("is the current one");
    ConsoleUser changed =
        users.changePassword("li.lei", "temporary-pass-1", "a-brand-new-password");

    assertThat(changed.mustChangePassword()).isFalse();
    assertThat(encoder.matches("a-brand-new-password", changed.passwordHash())).isTrue();
  }
}
