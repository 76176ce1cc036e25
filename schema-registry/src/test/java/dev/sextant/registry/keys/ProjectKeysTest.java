package dev.sextant.registry.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sextant.testsupport.time.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ProjectKeysTest {

  private static final Instant START = Instant.parse("2026-12-08T02:00:00Z");

  private final InMemoryApiKeyStorage storage = new InMemoryApiKeyStorage();
  private final MutableClock clock = new MutableClock(START);
  private final ProjectKeys keys = new ProjectKeys(storage, new Random(7), clock);

  @Test
  void issuesAKeyWhoseTextIsKeptOnlyAsItsHash() {
    IssuedKey issued = keys.create("demo", ApiKeyKind.SECRET, "  payments-backend ", "admin");

    assertThat(issued.secret()).startsWith("sx_sec_").hasSize("sx_sec_".length() + 43);
    assertThat(issued.key().name()).isEqualTo("payments-backend");
    assertThat(issued.key().createdBy()).isEqualTo("admin");
    assertThat(issued.key().createdAt()).isEqualTo(START);
    assertThat(issued.key().hint()).isEqualTo(issued.secret().substring(0, 11));
    assertThat(storage.hashOf(issued.key().id()))
        .isEqualTo(ApiKeySecrets.hashOf(issued.secret()))
        .doesNotContain(issued.secret().substring(7));
    assertThat(issued.toString()).doesNotContain(issued.secret());
    assertThat(issued.key().statusAt(START)).isEqualTo(ApiKeyStatus.ACTIVE);
  }

  @Test
  void publicKeysCarryTheirOwnPrefix() {
    assertThat(keys.create("demo", ApiKeyKind.PUBLIC, "web", "admin").secret())
        .startsWith("sx_pub_");
  }

  @Test
  void everyKeyIsDifferent() {
    IssuedKey first = keys.create("demo", ApiKeyKind.PUBLIC, "web", "admin");
    IssuedKey second = keys.create("demo", ApiKeyKind.PUBLIC, "web", "admin");

    assertThat(first.secret()).isNotEqualTo(second.secret());
    assertThat(first.key().id()).isNotEqualTo(second.key().id());
  }

  @Test
  void identifiesAPresentedKeyByItsText() {
    IssuedKey issued = keys.create("demo", ApiKeyKind.PUBLIC, "web", "admin");

    assertThat(keys.identify(issued.secret())).contains(issued.key());
    assertThat(keys.identify(issued.secret() + "x")).isEmpty();
    assertThat(keys.identify("not-a-key")).isEmpty();
  }

  @Test
  void rotationIssuesASuccessorAndLetsTheOldKeyWorkForTheGracePeriod() {
    IssuedKey old = keys.create("demo", ApiKeyKind.SECRET, "payments", "admin");
    clock.advance(Duration.ofHours(1));

    IssuedKey successor = keys.rotate("demo", old.key().id(), Duration.ofHours(24), "ops");

    assertThat(successor.key().kind()).isEqualTo(ApiKeyKind.SECRET);
    assertThat(successor.key().name()).isEqualTo("payments");
    assertThat(successor.key().createdBy()).isEqualTo("ops");
    ApiKey rotated = keys.identify(old.secret()).orElseThrow();
    assertThat(rotated.expiresAt()).isEqualTo(START.plus(Duration.ofHours(25)));
    assertThat(rotated.statusAt(clock.instant())).isEqualTo(ApiKeyStatus.EXPIRING);
    assertThat(rotated.isActiveAt(START.plus(Duration.ofHours(25)).minusMillis(1))).isTrue();
    assertThat(rotated.isActiveAt(START.plus(Duration.ofHours(25)))).isFalse();
    assertThat(rotated.statusAt(START.plus(Duration.ofHours(25)))).isEqualTo(ApiKeyStatus.EXPIRED);
  }

  @Test
  void rotationWithoutGraceEndsTheOldKeyAtOnce() {
    IssuedKey old = keys.create("demo", ApiKeyKind.PUBLIC, "app", "admin");

    keys.rotate("demo", old.key().id(), Duration.ZERO, "admin");

    assertThat(keys.identify(old.secret()).orElseThrow().isActiveAt(START)).isFalse();
  }

  @Test
  void rotatingARotatedKeyAgainNeverLengthensItsLife() {
    IssuedKey old = keys.create("demo", ApiKeyKind.PUBLIC, "app", "admin");
    keys.rotate("demo", old.key().id(), Duration.ofHours(1), "admin");

    keys.rotate("demo", old.key().id(), Duration.ofDays(10), "admin");

    assertThat(keys.identify(old.secret()).orElseThrow().expiresAt())
        .isEqualTo(START.plus(Duration.ofHours(1)));
  }

  @Test
  void refusesToRotateAKeyThatNoLongerWorks() {
    IssuedKey revoked = keys.create("demo", ApiKeyKind.PUBLIC, "app", "admin");
    keys.revoke("demo", revoked.key().id());
    IssuedKey expired = keys.create("demo", ApiKeyKind.PUBLIC, "app", "admin");
    keys.rotate("demo", expired.key().id(), Duration.ZERO, "admin");

    assertThatThrownBy(() -> keys.rotate("demo", revoked.key().id(), Duration.ZERO, "admin"))
        .isInstanceOf(ApiKeyRevokedException.class)
        .hasMessageContaining("revoked");
    assertThatThrownBy(() -> keys.rotate("demo", expired.key().id(), Duration.ZERO, "admin"))
        .isInstanceOf(ApiKeyRevokedException.class)
        .hasMessageContaining("expired");
  }

  @Test
  void refusesAGracePeriodOutsideItsBounds() {
    IssuedKey key = keys.create("demo", ApiKeyKind.PUBLIC, "app", "admin");

    assertThatThrownBy(() -> keys.rotate("demo", key.key().id(), Duration.ofSeconds(-1), "a"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> keys.rotate("demo", key.key().id(), ProjectKeys.MAX_GRACE.plusSeconds(1), "a"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("grace_seconds");
  }

  @Test
  void revocationEndsAKeyAtOnceAndIsIdempotent() {
    IssuedKey key = keys.create("demo", ApiKeyKind.SECRET, "batch", "admin");
    clock.advance(Duration.ofMinutes(5));

    ApiKey revoked = keys.revoke("demo", key.key().id());
    clock.advance(Duration.ofMinutes(5));
    ApiKey again = keys.revoke("demo", key.key().id());

    assertThat(revoked.revokedAt()).isEqualTo(START.plus(Duration.ofMinutes(5)));
    assertThat(again).isEqualTo(revoked);
    assertThat(keys.identify(key.secret()).orElseThrow().statusAt(clock.instant()))
        .isEqualTo(ApiKeyStatus.REVOKED);
  }

  @Test
  void aKeyIsManagedOnlyThroughItsOwnProject() {
    IssuedKey key = keys.create("demo", ApiKeyKind.SECRET, "batch", "admin");

    assertThatThrownBy(() -> keys.revoke("other", key.key().id()))
        .isInstanceOf(ApiKeyNotFoundException.class)
        .hasMessageContaining("other");
    assertThatThrownBy(() -> keys.rotate("other", key.key().id(), Duration.ZERO, "admin"))
        .isInstanceOf(ApiKeyNotFoundException.class);
    assertThat(keys.list("other")).isEmpty();
  }

  @Test
  void listsTheProjectsKeysNewestFirst() {
    IssuedKey first = keys.create("demo", ApiKeyKind.SECRET, "one", "admin");
    clock.advance(Duration.ofSeconds(1));
    IssuedKey second = keys.create("demo", ApiKeyKind.PUBLIC, "two", "admin");

    assertThat(keys.list("demo")).containsExactly(second.key(), first.key());
  }

  @Test
  void aKeyNeedsAName() {
    assertThatThrownBy(() -> keys.create("demo", ApiKeyKind.SECRET, " ", "admin"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("name");
    assertThatThrownBy(() -> keys.create("demo", ApiKeyKind.SECRET, "x".repeat(101), "admin"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void recognisesTheKindOfAKeyByItsPrefix() {
    assertThat(ApiKeySecrets.kindOf("sx_pub_abc")).contains(ApiKeyKind.PUBLIC);
    assertThat(ApiKeySecrets.kindOf("sx_sec_abc")).contains(ApiKeyKind.SECRET);
    assertThat(ApiKeySecrets.kindOf("a1b2c3-sensors-token")).isEmpty();
    assertThat(ApiKeySecrets.hintOf("sx_sec_abcdefgh")).isEqualTo("sx_sec_abcd");
    assertThat(ApiKeySecrets.hintOf("whatever")).isEmpty();
  }

  @Test
  void hashesAreHexSha256() {
    // echo -n sx_pub_x | sha256sum
    assertThat(ApiKeySecrets.hashOf("sx_pub_x")).hasSize(64).matches("[0-9a-f]{64}");
    assertThat(ApiKeySecrets.hashOf("abc"))
        .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  }
}
