package dev.sextant.collector.web;

import dev.sextant.collector.enrich.RequestEnrichment;
import dev.sextant.collector.ratelimit.Admission;
import dev.sextant.collector.ratelimit.RateLimits;
import dev.sextant.collector.web.CollectorMetrics.Endpoint;
import jakarta.servlet.http.HttpServletRequest;

/** Applies the {@link RateLimits} to HTTP requests: a refusal becomes a 429. */
public final class RequestRateLimits {

  private final RateLimits limits;
  private final RequestEnrichment enrichment;
  private final CollectorMetrics metrics;

  public RequestRateLimits(
      RateLimits limits, RequestEnrichment enrichment, CollectorMetrics metrics) {
    this.limits = limits;
    this.enrichment = enrichment;
    this.metrics = metrics;
  }

  /**
   * Counts one request to a public endpoint against its client's address, before its body is read,
   * so a flood costs little.
   */
  void admitClient(Endpoint endpoint, HttpServletRequest request) {
    check(
        endpoint, "client", limits.admitRequest(ClientRequests.clientAddress(enrichment, request)));
  }

  /** Counts a request's records against its project, before they are validated or stored. */
  void admitRecords(Endpoint endpoint, String project, int records) {
    check(endpoint, "project", limits.admitRecords(project, records));
  }

  private void check(Endpoint endpoint, String scope, Admission admission) {
    if (admission instanceof Admission.Refused refused) {
      metrics.recordRateLimited(endpoint, scope);
      throw new RateLimitedException(refused.detail(), refused.retryAfter());
    }
  }
}
