package dev.sextant.collector.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sextant.collector.access.ApiKeyRefusedException.Refusal;
import dev.sextant.collector.ingest.Source;
import dev.sextant.registry.keys.ApiKey;
import dev.sextant.registry.keys.ApiKeyKind;
import dev.sextant.registry.keys.ApiKeyStorage;
import dev.sextant.registry.keys.IssuedKey;
import dev.sextant.registry.keys.ProjectKeys;
import dev.sextant.testsupport.time.MutableClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ApiKeyAuthenticatorTest {

  private static final Instant START = Instant.parse("2026-12-08T02:00:00Z");
  private static final Duration CACHE_TTL = Duration.ofSeconds(10);

  private final KeysByHash storage = new KeysByHash();
  private final MutableClock clock = new MutableClock(START);
  private final ProjectKeys keys = new ProjectKeys(storage, new Random(3), clock);
  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  private final ApiKeyAuthenticator authenticator =
      new ApiKeyAuthenticator(keys, "locked"::equals, CACHE_TTL, clock, meters);

  @Test
  void aRequestWithoutAKeyIsUnidentifiedWhereKeysAreNotRequired() {
    assertThat(authenticator.authenticate("demo", Optional.empty())).isEqualTo(Source.UNIDENTIFIED);
    assertThat(authenticator.authenticate("demo", Optional.of(" "))).isEqualTo(Source.UNIDENTIFIED);
  }

  @Test
  void aRequestWithoutAKeyIsRefusedWhereKeysAreRequired() {
    assertRefused("locked", null, Refusal.MISSING, "requires an API key");
  }

  @Test
  void tellsPublicFromSecretKeys() {
    IssuedKey web = keys.create("demo", ApiKeyKind.PUBLIC, "web", "admin");
    IssuedKey backEnd = keys.create("demo", ApiKeyKind.SECRET, "payments", "admin");

    assertThat(authenticator.authenticate("demo", Optional.of(web.secret())))
        .isEqualTo(Source.PUBLIC_KEY);
    assertThat(authenticator.authenticate("demo", Optional.of(" " + backEnd.secret() + "\n")))
        .isEqualTo(Source.SECRET_KEY);
  }

  @Test
  void refusesATextThatIsNoKeyOfOurs() {
    IssuedKey web = keys.create("demo", ApiKeyKind.PUBLIC, "web", "admin");

    assertRefused("demo", web.secret() + "x", Refusal.UNKNOWN, "not one this server issued");
    assertRefused("demo", "sx_sec_guess", Refusal.UNKNOWN, "not one this server issued");
    assertRefused("demo", "anything", Refusal.UNKNOWN, "not one this server issued");
  }

  @Test
  void refusesAKeyOfAnotherProject() {
    IssuedKey other = keys.create("other", ApiKeyKind.SECRET, "payments", "admin");

    assertRefused("demo", other.secret(), Refusal.OTHER_PROJECT, "not a key of project 'demo'");
  }

  @Test
  void refusesARevokedKeyOnceTheCacheHasForgottenIt() {
    IssuedKey key = keys.create("demo", ApiKeyKind.SECRET, "payments", "admin");
    assertThat(authenticator.authenticate("demo", Optional.of(key.secret())))
        .isEqualTo(Source.SECRET_KEY);

    keys.revoke("demo", key.key().id());
    clock.advance(CACHE_TTL.plusSeconds(1));

    assertRefused("demo", key.secret(), Refusal.REVOKED, "revoked");
  }

  @Test
  void aRotatedKeyWorksUntilItsGraceEndsEvenFromTheCache() {
    IssuedKey old = keys.create("demo", ApiKeyKind.PUBLIC, "app", "admin");
    authenticator.authenticate("demo", Optional.of(old.secret()));
    IssuedKey successor = keys.rotate("demo", old.key().id(), Duration.ofSeconds(30), "admin");
    clock.advance(CACHE_TTL.plusSeconds(1));

    assertThat(authenticator.authenticate("demo", Optional.of(old.secret())))
        .isEqualTo(Source.PUBLIC_KEY);
    assertThat(authenticator.authenticate("demo", Optional.of(successor.secret())))
        .isEqualTo(Source.PUBLIC_KEY);

    clock.advance(Duration.ofSeconds(20));
    assertRefused("demo", old.secret(), Refusal.EXPIRED, "expired");
    assertThat(authenticator.authenticate("demo", Optional.of(successor.secret())))
        .isEqualTo(Source.PUBLIC_KEY);
  }

  @Test
  void looksAKeyUpOncePerCachePeriod() {
    IssuedKey key = keys.create("demo", ApiKeyKind.PUBLIC, "web", "admin");

    for (int i = 0; i < 5; i++) {
      authenticator.authenticate("demo", Optional.of(key.secret()));
    }

    assertThat(storage.lookups).hasValue(1);
  }

  @Test
  void countsRefusalsByReason() {
    assertRefused("locked", null, Refusal.MISSING, "");
    assertRefused("demo", "sx_pub_nope", Refusal.UNKNOWN, "");
    assertRefused("demo", "sx_pub_nope", Refusal.UNKNOWN, "");

    assertThat(
            meters
                .get("sextant.collector.api_key.refused")
                .tag("reason", "unknown")
                .counter()
                .count())
        .isEqualTo(2);
    assertThat(
            meters
                .get("sextant.collector.api_key.refused")
                .tag("reason", "missing")
                .counter()
                .count())
        .isEqualTo(1);
  }

  private void assertRefused(String project, String key, Refusal refusal, String detail) {
    assertThatThrownBy(() -> authenticator.authenticate(project, Optional.ofNullable(key)))
        .isInstanceOfSatisfying(
            ApiKeyRefusedException.class, e -> assertThat(e.refusal()).isEqualTo(refusal))
        .hasMessageContaining(detail);
  }

  /** Keys by hash in memory, counting how often the authenticator looks one up. */
  private static final class KeysByHash implements ApiKeyStorage {
    private final Map<String, String> hashById = new HashMap<>();
    private final Map<String, ApiKey> byId = new HashMap<>();
    final AtomicInteger lookups = new AtomicInteger();

    @Override
    public void insert(ApiKey key, String hash) {
      hashById.put(key.id(), hash);
      byId.put(key.id(), key);
    }

    @Override
    public void update(ApiKey key) {
      byId.put(key.id(), key);
    }

    @Override
    public Optional<ApiKey> find(String project, String id) {
      return Optional.ofNullable(byId.get(id)).filter(key -> key.project().equals(project));
    }

    @Override
    public List<ApiKey> list(String project) {
      return byId.values().stream().filter(key -> key.project().equals(project)).toList();
    }

    @Override
    public Optional<ApiKey> findByHash(String hash) {
      lookups.incrementAndGet();
      return hashById.entrySet().stream()
          .filter(entry -> entry.getValue().equals(hash))
          .map(entry -> byId.get(entry.getKey()))
          .findFirst();
    }
  }
}
