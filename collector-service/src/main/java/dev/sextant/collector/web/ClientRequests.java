package dev.sextant.collector.web;

import dev.sextant.collector.enrich.RequestEnrichment;
import dev.sextant.collector.ingest.Enrichment;
import dev.sextant.collector.sensors.FormFields;
import dev.sextant.registry.keys.ApiKeySecrets;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/** Reads what the collector learns about the sender from the HTTP request itself. */
final class ClientRequests {

  private static final String BEARER = "Bearer ";

  private ClientRequests() {}

  /** The client's address: the peer's, or what trusted proxies say it was. */
  static String clientAddress(RequestEnrichment enrichment, HttpServletRequest request) {
    return enrichment.clientAddress(
        request.getRemoteAddr(), Collections.list(request.getHeaders("X-Forwarded-For")));
  }

  /**
   * The API key a request presents: {@code Authorization: Bearer <key>}, or the URL's {@code token}
   * parameter (where a Sensors SDK's server URL carries it). A {@code token} that is not a Sextant
   * key at all, such as a Sensors Analytics project token left in a migrated URL, counts as none.
   */
  static Optional<String> presentedKey(HttpServletRequest request, FormFields query) {
    String authorization = request.getHeader("Authorization");
    if (authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      return Optional.of(authorization.substring(BEARER.length()).strip());
    }
    return query.get("token").filter(token -> ApiKeySecrets.kindOf(token.strip()).isPresent());
  }

  static Enrichment enrichment(RequestEnrichment enrichment, HttpServletRequest request) {
    List<String> forwardedFor = Collections.list(request.getHeaders("X-Forwarded-For"));
    return enrichment.of(request.getRemoteAddr(), forwardedFor, request.getHeader("User-Agent"));
  }
}
