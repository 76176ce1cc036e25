package dev.sextant.collector.access;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import dev.sextant.collector.access.ApiKeyRefusedException.Refusal;
import dev.sextant.collector.ingest.Source;
import dev.sextant.registry.keys.ApiKey;
import dev.sextant.registry.keys.ApiKeyKind;
import dev.sextant.registry.keys.ApiKeySecrets;
import dev.sextant.registry.keys.ApiKeyStatus;
import dev.sextant.registry.keys.ProjectKeys;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Tells which {@link Source} a request comes from by the API key it presents. Keys are looked up by
 * their hash and remembered for a short while (unknown texts too, so that a sender retrying a wrong
 * key does not read the database on every request); a key's expiry is checked on every request
 * against the clock.
 */
public final class ApiKeyAuthenticator {

  private final LoadingCache<String, Optional<ApiKey>> keysByHash;
  private final Predicate<String> requiresKey;
  private final Clock clock;
  private final Map<Refusal, Counter> refusals = new EnumMap<>(Refusal.class);

  /**
   * @param requiresKey which projects refuse requests without a key
   * @param cacheTtl how long a key's state is remembered: the longest a revoked key still works
   */
  public ApiKeyAuthenticator(
      ProjectKeys keys,
      Predicate<String> requiresKey,
      Duration cacheTtl,
      Clock clock,
      MeterRegistry meters) {
    this.requiresKey = requiresKey;
    this.clock = clock;
    this.keysByHash =
        Caffeine.newBuilder()
            // The clock's time, not the JVM's ticker: tests move it, and it is one time for all.
            .ticker(() -> nanosOf(clock.instant()))
            .executor(Runnable::run)
            .expireAfterWrite(cacheTtl)
            .maximumSize(100_000)
            .build(keys::identifyByHash);
    for (Refusal refusal : Refusal.values()) {
      refusals.put(
          refusal,
          Counter.builder("sextant.collector.api_key.refused")
              .description("Requests refused for their API key, by why")
              .tag("reason", refusal.name().toLowerCase(java.util.Locale.ROOT))
              .register(meters));
    }
  }

  /**
   * The source of a request for {@code project} that presents {@code presented} (or nothing).
   *
   * @throws ApiKeyRefusedException when the key is missing but required, or not a working key of
   *     the project
   */
  public Source authenticate(String project, Optional<String> presented) {
    if (presented.isEmpty() || presented.get().isBlank()) {
      if (requiresKey.test(project)) {
        throw refused(
            Refusal.MISSING,
            "project '"
                + project
                + "' requires an API key: send it as 'Authorization: Bearer <key>' or in the"
                + " URL's 'token' parameter");
      }
      return Source.UNIDENTIFIED;
    }
    String text = presented.get().strip();
    ApiKey key =
        ApiKeySecrets.kindOf(text).isEmpty()
            ? null
            : keysByHash.get(ApiKeySecrets.hashOf(text)).orElse(null);
    if (key == null) {
      throw refused(Refusal.UNKNOWN, "the API key is not one this server issued");
    }
    if (!key.project().equals(project)) {
      throw refused(
          Refusal.OTHER_PROJECT,
          "the API key " + key.hint() + "… is not a key of project '" + project + "'");
    }
    ApiKeyStatus status = key.statusAt(clock.instant());
    if (status == ApiKeyStatus.REVOKED) {
      throw refused(Refusal.REVOKED, "the API key " + key.hint() + "… has been revoked");
    }
    if (status == ApiKeyStatus.EXPIRED) {
      throw refused(
          Refusal.EXPIRED,
          "the API key " + key.hint() + "… was rotated and expired at " + key.expiresAt());
    }
    return key.kind() == ApiKeyKind.SECRET ? Source.SECRET_KEY : Source.PUBLIC_KEY;
  }

  private static long nanosOf(Instant instant) {
    return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
  }

  private ApiKeyRefusedException refused(Refusal refusal, String detail) {
    refusals.get(refusal).increment();
    return new ApiKeyRefusedException(refusal, detail);
  }
}
