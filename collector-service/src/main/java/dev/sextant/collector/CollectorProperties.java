package dev.sextant.collector;

import dev.sextant.collector.enrich.TrustedProxies;
import dev.sextant.collector.ingest.IngestLimits;
import java.util.List;
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
    @DefaultValue("10000") int userAgentCacheSize) {

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
}
