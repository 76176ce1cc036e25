package dev.sextant.collector;

import dev.sextant.collector.enrich.TrustedProxies;
import dev.sextant.collector.ingest.EventTimeRange;
import dev.sextant.collector.ingest.EventTimeRanges;
import dev.sextant.collector.ingest.IngestLimits;
import dev.sextant.collector.ratelimit.Rate;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The collector's limits and enrichment ({@code sextant.collector.*}); every property is documented
 * in {@code docs/configuration.md}. An invalid value stops the process at start-up.
 *
 * @param maxBodySize the largest request body on the wire (413 past it)
 * @param maxDecompressedSize the largest payload after gzip decompression (413 past it)
 * @param maxRecordsPerBatch the most records one request may carry (413 past it)
 * @param maxRecordSize the largest single record; a larger one is quarantined ({@code
 *     PAYLOAD_TOO_LARGE})
 * @param maxNestingDepth the deepest JSON nesting a payload may have
 * @param maxNumberLength the most characters one JSON number may have
 * @param trustedProxies addresses or CIDR ranges whose {@code X-Forwarded-For} is believed
 * @param userAgentCacheSize how many parsed user agents to keep in memory
 * @param trackIdWindow how long a record's {@code _track_id} is remembered, so that an SDK's retry
 *     is answered as a duplicate instead of stored twice; 0 turns de-duplication off
 * @param trackIdCacheSize the most {@code _track_id}s remembered at once (bounds the memory)
 * @param eventTime how far before or after reception an event's {@code time} may be
 * @param rateLimit records per second per project and requests per second per client (429 past
 *     them)
 * @param apiKeys whether records must come with a project API key, and how long a key's state is
 *     cached
 */
@ConfigurationProperties("sextant.collector")
public record CollectorProperties(
    @DefaultValue("5MB") DataSize maxBodySize,
    @DefaultValue("32MB") DataSize maxDecompressedSize,
    @DefaultValue("10000") int maxRecordsPerBatch,
    @DefaultValue("512KB") DataSize maxRecordSize,
    @DefaultValue("16") int maxNestingDepth,
    @DefaultValue("64") int maxNumberLength,
    @DefaultValue List<String> trustedProxies,
    @DefaultValue("10000") int userAgentCacheSize,
    @DefaultValue("10m") Duration trackIdWindow,
    @DefaultValue("200000") long trackIdCacheSize,
    @DefaultValue EventTime eventTime,
    @DefaultValue RateLimit rateLimit,
    @DefaultValue ApiKeys apiKeys) {

  public CollectorProperties {
    trustedProxies = List.copyOf(trustedProxies);
    // Fail at start-up, naming the bad value, rather than on the first request.
    new IngestLimits(
        maxBodySize.toBytes(),
        maxDecompressedSize.toBytes(),
        maxRecordsPerBatch,
        maxRecordSize.toBytes(),
        maxNestingDepth,
        maxNumberLength);
    TrustedProxies.of(trustedProxies);
    if (userAgentCacheSize < 0) {
      throw new IllegalArgumentException("userAgentCacheSize must not be negative");
    }
    if (trackIdWindow.isNegative() || trackIdCacheSize < 0) {
      throw new IllegalArgumentException("trackIdWindow and trackIdCacheSize must not be negative");
    }
    eventTime.ranges();
    rateLimit.projectRates();
  }

  public IngestLimits limits() {
    return new IngestLimits(
        maxBodySize.toBytes(),
        maxDecompressedSize.toBytes(),
        maxRecordsPerBatch,
        maxRecordSize.toBytes(),
        maxNestingDepth,
        maxNumberLength);
  }

  public TrustedProxies proxies() {
    return TrustedProxies.of(trustedProxies);
  }

  /**
   * The accepted event times ({@code sextant.collector.event-time.*}): events further in the past
   * or future are quarantined with {@code TIME_OUT_OF_RANGE}.
   *
   * @param maxPast how long before reception an event may have happened
   * @param maxFuture how long after reception an event may say it happened (clock skew)
   * @param projects per-project overrides, by project name; an unset bound takes the default
   */
  public record EventTime(
      @DefaultValue("365d") Duration maxPast,
      @DefaultValue("10m") Duration maxFuture,
      @DefaultValue Map<String, ProjectEventTime> projects) {

    public EventTime {
      projects = Map.copyOf(projects);
    }

    public EventTimeRanges ranges() {
      Map<String, EventTimeRange> byProject = new LinkedHashMap<>();
      projects.forEach((project, range) ->
          byProject.put(
              project,
              new EventTimeRange(
                  range.maxPast() == null ? maxPast : range.maxPast(),
                  range.maxFuture() == null ? maxFuture : range.maxFuture())));
      return new EventTimeRanges(new EventTimeRange(maxPast, maxFuture), byProject);
    }
  }

  /** One project's event time bounds; either may be left unset. */
  public record ProjectEventTime(Duration maxPast, Duration maxFuture) {}

  /**
   * The rate limits ({@code sextant.collector.rate-limit.*}); a rate of 0 turns a limit off.
   *
   * @param projectRecordsPerSecond records per second per project, on every endpoint
   * @param projectRecordsBurst records a project may send at once after a quiet spell (0: one
   *     second's worth)
   * @param clientRequestsPerSecond requests per second per client address on the Sensors SDK
   *     endpoints, which browsers reach
   * @param clientRequestsBurst requests a client may send at once (0: one second's worth)
   * @param projects per-project record rates, by project name
   * @param maxBuckets the most token buckets kept in memory
   */
  public record RateLimit(
      @DefaultValue("100000") long projectRecordsPerSecond,
      @DefaultValue("200000") long projectRecordsBurst,
      @DefaultValue("200") long clientRequestsPerSecond,
      @DefaultValue("1000") long clientRequestsBurst,
      @DefaultValue Map<String, ProjectRate> projects,
      @DefaultValue("100000") long maxBuckets) {

    public RateLimit {
      projects = Map.copyOf(projects);
      if (maxBuckets < 1) {
        throw new IllegalArgumentException("rate-limit.max-buckets must be at least 1");
      }
    }

    public Rate projectRecords() {
      return new Rate(projectRecordsPerSecond, projectRecordsBurst);
    }

    public Rate clientRequests() {
      return new Rate(clientRequestsPerSecond, clientRequestsBurst);
    }

    public Map<String, Rate> projectRates() {
      Map<String, Rate> rates = new LinkedHashMap<>();
      projects.forEach((project, rate) ->
          rates.put(project, new Rate(rate.recordsPerSecond(), rate.recordsBurst())));
      return rates;
    }
  }

  /**
   * How senders prove which project they send for.
   *
   * @param required whether a request without a key is refused (401) in every project; when false,
   *     it is taken as from an app or web page (never for back-end-only events)
   * @param requiredProjects projects that refuse requests without a key even when {@code required}
   *     is false
   * @param cacheTtl how long a key's state is remembered: a revoked key is refused after at most
   *     this long
   */
  public record ApiKeys(
      @DefaultValue("false") boolean required,
      @DefaultValue List<String> requiredProjects,
      @DefaultValue("10s") Duration cacheTtl) {

    public ApiKeys {
      requiredProjects = List.copyOf(requiredProjects);
      if (cacheTtl.isNegative()) {
        throw new IllegalArgumentException("api-keys.cache-ttl must not be negative");
      }
    }

    /** Whether {@code project} refuses requests that carry no key. */
    public boolean requiredFor(String project) {
      return required || requiredProjects.contains(project);
    }
  }

  /** One project's record rate; 0 per second means no limit for it. */
  public record ProjectRate(long recordsPerSecond, long recordsBurst) {}
}
