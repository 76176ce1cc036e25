package dev.sextant.collector.enrich;

import dev.sextant.collector.ingest.Enrichment;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the collector adds to the events of one request: the client's address as {@code $ip} and
 * what its user agent tells. Added only where the SDK did not send the property itself.
 */
public final class RequestEnrichment {

  private final TrustedProxies proxies;
  private final UserAgentProperties userAgents;

  public RequestEnrichment(TrustedProxies proxies, UserAgentProperties userAgents) {
    this.proxies = proxies;
    this.userAgents = userAgents;
  }

  /**
   * The client's address: the peer's, or the one trusted proxies forwarded.
   *
   * @param peer the TCP peer's address
   * @param forwardedFor every {@code X-Forwarded-For} header, in order
   */
  public String clientAddress(String peer, List<String> forwardedFor) {
    return proxies.clientAddress(peer, forwardedFor);
  }

  /**
   * @param peer the TCP peer's address
   * @param forwardedFor every {@code X-Forwarded-For} header, in order
   * @param userAgent the {@code User-Agent} header, or null
   */
  public Enrichment of(String peer, List<String> forwardedFor, String userAgent) {
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("$ip", proxies.clientAddress(peer, forwardedFor));
    properties.putAll(userAgents.of(userAgent));
    return new Enrichment(properties);
  }
}
