package dev.sextant.collector.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The collector's rate limits, token buckets in this process's memory (Bucket4j): records per
 * second per project, and requests per second per client address on the public (SDK) endpoints.
 * Each collector instance limits what it receives; behind a load balancer over n instances a
 * project gets up to n times its rate.
 *
 * <p>Memory is bounded: at most {@code maxBuckets} buckets are kept, and idle ones are dropped. A
 * dropped bucket comes back full, so forgetting one only ever lets a sender through sooner.
 */
public final class RateLimits {

  /** How long an unused bucket is kept; one that refills within this loses nothing by going. */
  private static final Duration IDLE = Duration.ofMinutes(1);

  private final Rate projectRecords;
  private final Map<String, Rate> projectOverrides;
  private final Rate clientRequests;
  private final TimeMeter time;
  private final Cache<String, Bucket> buckets;

  /**
   * @param projectRecords each project's records per second, unless overridden
   * @param projectOverrides the projects with a rate of their own
   * @param clientRequests each client address's requests per second on the public endpoints
   * @param maxBuckets the most buckets held in memory
   * @param clock the time source, so tests can move it
   */
  public RateLimits(
      Rate projectRecords,
      Map<String, Rate> projectOverrides,
      Rate clientRequests,
      long maxBuckets,
      Clock clock) {
    this.projectRecords = projectRecords;
    this.projectOverrides = Map.copyOf(projectOverrides);
    this.clientRequests = clientRequests;
    this.time =
        new TimeMeter() {
          @Override
          public long currentTimeNanos() {
            return TimeUnit.MILLISECONDS.toNanos(clock.millis());
          }

          @Override
          public boolean isWallClockBased() {
            return true;
          }
        };
    this.buckets =
        Caffeine.newBuilder()
            .maximumSize(maxBuckets)
            .expireAfterAccess(IDLE)
            .ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis()))
            .executor(Runnable::run)
            .build();
  }

  /** No limits at all. */
  public static RateLimits unlimited() {
    return new RateLimits(Rate.UNLIMITED, Map.of(), Rate.UNLIMITED, 1, Clock.systemUTC());
  }

  /** One request from {@code client} (its address, after trusted proxies) to a public endpoint. */
  public Admission admitRequest(String client) {
    return take(
        "client " + client,
        clientRequests,
        1,
        "more than " + clientRequests.perSecond() + " requests per second from " + client);
  }

  /** {@code records} records for {@code project}. */
  public Admission admitRecords(String project, int records) {
    Rate rate = projectOverrides.getOrDefault(project, projectRecords);
    return take(
        "project " + project,
        rate,
        records,
        "more than " + rate.perSecond() + " records per second for project '" + project + "'");
  }

  private Admission take(String key, Rate rate, long tokens, String detail) {
    if (rate.unlimited() || tokens <= 0) {
      return Admission.ADMITTED;
    }
    Bucket bucket = buckets.get(key, unused -> newBucket(rate));
    // A batch larger than the burst could never pass; it takes the whole bucket instead.
    ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(Math.min(tokens, rate.burst()));
    if (probe.isConsumed()) {
      return Admission.ADMITTED;
    }
    long seconds = Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
    return new Admission.Refused(Duration.ofSeconds(seconds), detail);
  }

  private Bucket newBucket(Rate rate) {
    return Bucket.builder()
        .addLimit(limit ->
            limit.capacity(rate.burst()).refillGreedy(rate.perSecond(), Duration.ofSeconds(1)))
        .withCustomTimePrecision(time)
        .build();
  }
}
