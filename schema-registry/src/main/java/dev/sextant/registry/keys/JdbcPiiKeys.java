package dev.sextant.registry.keys;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.random.RandomGenerator;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Project hash keys in the metadata database (table {@code project_pii_key}). Two collectors making
 * a project's first key at once both insert; the primary key lets one win and the other reads the
 * winner's, so every process hashes with the same key. Keys never change, so each is read once per
 * process.
 */
public final class JdbcPiiKeys implements PiiKeys {

  private final JdbcClient jdbc;
  private final RandomGenerator random;
  private final Clock clock;
  private final ConcurrentMap<String, byte[]> known = new ConcurrentHashMap<>();

  public JdbcPiiKeys(JdbcClient jdbc, RandomGenerator random, Clock clock) {
    this.jdbc = jdbc;
    this.random = random;
    this.clock = clock;
  }

  @Override
  public byte[] hashKeyOf(String project) {
    return known.computeIfAbsent(project, this::loadOrCreate).clone();
  }

  private byte[] loadOrCreate(String project) {
    return stored(project).orElseGet(() -> create(project));
  }

  private byte[] create(String project) {
    byte[] key = new byte[32];
    random.nextBytes(key);
    try {
      jdbc.sql(
              "INSERT INTO project_pii_key (project, hash_key, created_at)"
                  + " VALUES (:project, :hash_key, :created_at)")
          .param("project", project)
          .param("hash_key", HexFormat.of().formatHex(key))
          .param("created_at", LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
          .update();
      return key;
    } catch (DuplicateKeyException madeElsewhereMeanwhile) {
      return stored(project).orElseThrow(() -> madeElsewhereMeanwhile);
    }
  }

  private Optional<byte[]> stored(String project) {
    return jdbc.sql("SELECT hash_key FROM project_pii_key WHERE project = :project")
        .param("project", project)
        .query(String.class)
        .optional()
        .map(HexFormat.of()::parseHex);
  }
}
