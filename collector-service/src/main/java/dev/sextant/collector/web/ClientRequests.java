package dev.sextant.collector.web;

import dev.sextant.collector.enrich.RequestEnrichment;
import dev.sextant.collector.ingest.Enrichment;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Collections;
import java.util.List;

/** Reads what the collector learns about the sender from the HTTP request itself. */
final class ClientRequests {

  private ClientRequests() {}

  /** The client's address: the peer's, or what trusted proxies say it was. */
  static String clientAddress(RequestEnrichment enrichment, HttpServletRequest request) {
    return enrichment.clientAddress(
        request.getRemoteAddr(), Collections.list(request.getHeaders("X-Forwarded-For")));
  }

  static Enrichment enrichment(RequestEnrichment enrichment, HttpServletRequest request) {
    List<String> forwardedFor = Collections.list(request.getHeaders("X-Forwarded-For"));
    return enrichment.of(request.getRemoteAddr(), forwardedFor, request.getHeader("User-Agent"));
  }
}
