package dev.sextant.registry.keys;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A hand-written {@link ApiKeyStorage} for tests of what is built on it. */
public final class InMemoryApiKeyStorage implements ApiKeyStorage {

  private final Map<String, ApiKey> byId = new LinkedHashMap<>();
  private final Map<String, String> hashes = new LinkedHashMap<>();

  @Override
  public synchronized void insert(ApiKey key, String hash) {
    if (hashes.containsValue(hash) || byId.containsKey(key.id())) {
      throw new IllegalStateException("duplicate key " + key.id());
    }
    byId.put(key.id(), key);
    hashes.put(key.id(), hash);
  }

  @Override
  public synchronized void update(ApiKey key) {
    byId.put(key.id(), key);
  }

  @Override
  public synchronized Optional<ApiKey> find(String project, String id) {
    return Optional.ofNullable(byId.get(id)).filter(key -> key.project().equals(project));
  }

  @Override
  public synchronized List<ApiKey> list(String project) {
    List<ApiKey> keys = new ArrayList<>();
    byId.values().stream().filter(key -> key.project().equals(project)).forEach(keys::add);
    keys.sort(Comparator.comparing(ApiKey::createdAt).reversed().thenComparing(ApiKey::id));
    return keys;
  }

  @Override
  public synchronized Optional<ApiKey> findByHash(String hash) {
    return hashes.entrySet().stream()
        .filter(entry -> entry.getValue().equals(hash))
        .map(entry -> byId.get(entry.getKey()))
        .findFirst();
  }

  /** The hash kept for a key: what a database would hold instead of its text. */
  public synchronized String hashOf(String id) {
    return hashes.get(id);
  }
}
