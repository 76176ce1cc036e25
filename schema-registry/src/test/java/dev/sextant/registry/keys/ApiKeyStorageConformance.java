package dev.sextant.registry.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What every metadata database must do for API keys and PII hash keys; one subclass per database.
 */
abstract class ApiKeyStorageConformance {

  private static final Instant NOW = Instant.parse("2026-12-08T02:00:00.123Z");

  private JdbcClient jdbc;
  private JdbcApiKeyStorage storage;
  private ProjectKeys keys;

  /** A fresh, empty database for each test. */
  protected abstract DataSource freshDataSource();

  @BeforeEach
  void migrate() {
    DataSource dataSource = freshDataSource();
    Flyway.configure().dataSource(dataSource).load().migrate();
    jdbc = JdbcClient.create(dataSource);
    storage = new JdbcApiKeyStorage(jdbc);
    keys = new ProjectKeys(storage, new Random(11), Clock.fixed(NOW, ZoneOffset.UTC));
  }

  @Test
  void keepsAKeyAndFindsItByIdAndByItsText() {
    IssuedKey issued = keys.create("demo", ApiKeyKind.SECRET, "payments", "admin");

    assertThat(storage.find("demo", issued.key().id())).contains(issued.key());
    assertThat(keys.identify(issued.secret())).contains(issued.key());
    assertThat(storage.find("other", issued.key().id())).isEmpty();
  }

  @Test
  void neverKeepsTheKeysText() {
    IssuedKey issued = keys.create("demo", ApiKeyKind.PUBLIC, "web", "admin");

    String row =
        jdbc.sql("SELECT * FROM project_api_key").query().listOfRows().getFirst().toString();
    assertThat(row)
        .doesNotContain(issued.secret().substring(issued.key().hint().length()))
        .contains(ApiKeySecrets.hashOf(issued.secret()));
  }

  @Test
  void keepsRotationAndRevocationTimes() {
    IssuedKey rotated = keys.create("demo", ApiKeyKind.PUBLIC, "app", "admin");
    IssuedKey revoked = keys.create("demo", ApiKeyKind.SECRET, "batch", "admin");

    keys.rotate("demo", rotated.key().id(), Duration.ofHours(2), "admin");
    keys.revoke("demo", revoked.key().id());

    assertThat(storage.find("demo", rotated.key().id()).orElseThrow().expiresAt())
        .isEqualTo(NOW.plus(Duration.ofHours(2)));
    assertThat(storage.find("demo", revoked.key().id()).orElseThrow().revokedAt()).isEqualTo(NOW);
    assertThat(keys.list("demo")).hasSize(3);
  }

  @Test
  void twoKeysCannotShareAHash() {
    IssuedKey issued = keys.create("demo", ApiKeyKind.PUBLIC, "web", "admin");
    ApiKey copy =
        new ApiKey("key_copy", "demo", ApiKeyKind.PUBLIC, "copy", "h", NOW, "admin", null, null);

    assertThatThrownBy(() -> storage.insert(copy, ApiKeySecrets.hashOf(issued.secret())))
        .isInstanceOf(DuplicateKeyException.class);
  }

  @Test
  void givesEveryProcessTheSameHashKeyOfAProject() throws Exception {
    // Two collectors (each its own JdbcPiiKeys) asking for a new project's key at once.
    Callable<byte[]> ask =
        () ->
            new JdbcPiiKeys(jdbc, new java.security.SecureRandom(), Clock.systemUTC())
                .hashKeyOf("demo");
    Set<String> seen = new HashSet<>();
    try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
      var answers = new java.util.ArrayList<Future<byte[]>>();
      for (int i = 0; i < 8; i++) {
        answers.add(pool.submit(ask));
      }
      for (Future<byte[]> answer : answers) {
        seen.add(java.util.HexFormat.of().formatHex(answer.get()));
      }
    }

    assertThat(seen).hasSize(1);
    assertThat(seen.iterator().next()).hasSize(64);
    assertThat(new JdbcPiiKeys(jdbc, new Random(), Clock.systemUTC()).hashKeyOf("other"))
        .isNotEqualTo(java.util.HexFormat.of().parseHex(seen.iterator().next()));
  }
}
