package dev.sextant.registry.keys;

import java.util.List;
import java.util.Optional;

/** Where project API keys are kept: their metadata and the hash of their text, never the text. */
public interface ApiKeyStorage {

  /** Keeps a new key, found later by {@code hash}. */
  void insert(ApiKey key, String hash);

  /** Replaces the expiry and revocation of a kept key. */
  void update(ApiKey key);

  Optional<ApiKey> find(String project, String id);

  /** The project's keys, newest first, revoked and expired ones too. */
  List<ApiKey> list(String project);

  /** The key whose text hashes to {@code hash}, in whatever state it is. */
  Optional<ApiKey> findByHash(String hash);
}
