package dev.sextant.collector.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.sextant.collector.CollectorProperties;
import dev.sextant.collector.access.ApiKeyAuthenticator;
import dev.sextant.collector.enrich.RequestEnrichment;
import dev.sextant.collector.ingest.EventIngestion;
import dev.sextant.collector.ingest.IngestLimits;
import dev.sextant.collector.ingest.MalformedBodyException;
import dev.sextant.collector.ingest.ReceivedRecord;
import dev.sextant.collector.ingest.RecordOutcome;
import dev.sextant.collector.ingest.RecordReader;
import dev.sextant.collector.ingest.Source;
import dev.sextant.collector.sensors.FormFields;
import dev.sextant.collector.web.CollectorMetrics.Endpoint;
import dev.sextant.event.QuarantineReason;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The native collection API: {@code POST /api/v1/events?project=NAME} with one record or a JSON
 * array of records, optionally {@code Content-Encoding: gzip}. The answer lists each record's
 * outcome and is sent only after every record is durably stored or quarantined.
 */
@RestController
public class EventsController {

  private final EventIngestion ingestion;
  private final RequestEnrichment enrichment;
  private final CollectorMetrics metrics;
  private final IngestLimits limits;
  private final RecordReader reader;
  private final RequestRateLimits rateLimits;
  private final ApiKeyAuthenticator authenticator;

  public EventsController(
      EventIngestion ingestion,
      RequestEnrichment enrichment,
      CollectorMetrics metrics,
      CollectorProperties properties,
      RequestRateLimits rateLimits,
      ApiKeyAuthenticator authenticator) {
    this.rateLimits = rateLimits;
    this.authenticator = authenticator;
    this.ingestion = ingestion;
    this.enrichment = enrichment;
    this.metrics = metrics;
    this.limits = properties.limits();
    this.reader = new RecordReader(limits);
  }

  @PostMapping(path = "/api/v1/events", consumes = MediaType.APPLICATION_JSON_VALUE)
  public IngestResponse collect(@RequestParam String project, HttpServletRequest request)
      throws IOException {
    return metrics.timed(
        Endpoint.NATIVE,
        () -> {
          // Before the body is read: a refused sender's payload is not even quarantined.
          Source source =
              authenticator.authenticate(
                  project, ClientRequests.presentedKey(request, query(request)));
          return collect(project, RequestBody.read(request, limits), request, source);
        });
  }

  private IngestResponse collect(
      String project, RequestBody body, HttpServletRequest request, Source source) {
    List<ReceivedRecord> records;
    try {
      records = reader.read(body.payload(limits));
    } catch (MalformedBodyException e) {
      RequestBody.QuarantineCopy copy = body.quarantineCopy();
      String quarantineId =
          ingestion.quarantineMalformedBody(project, copy.payload(), e.getMessage() + copy.note());
      metrics.recordMalformedBody(Endpoint.NATIVE);
      throw new MalformedRequestException(e.getMessage(), quarantineId);
    }
    rateLimits.admitRecords(Endpoint.NATIVE, project, records.size());
    List<RecordOutcome> outcomes =
        ingestion.ingest(project, records, ClientRequests.enrichment(enrichment, request), source);
    metrics.recordOutcomes(Endpoint.NATIVE, outcomes);
    return IngestResponse.of(outcomes);
  }

  private static FormFields query(HttpServletRequest request) {
    try {
      return FormFields.parse(request.getQueryString());
    } catch (MalformedBodyException e) {
      throw new MalformedRequestException("the query string: " + e.getMessage(), null);
    }
  }

  /**
   * The answer: counts, then one result per record in request order. {@code duplicate} records were
   * accepted by an earlier request (the sender's retry) and are not counted in {@code accepted}.
   */
  public record IngestResponse(
      int accepted, int duplicate, int quarantined, List<RecordResult> results) {

    static IngestResponse of(List<RecordOutcome> outcomes) {
      List<RecordResult> results = outcomes.stream().map(RecordResult::of).toList();
      return new IngestResponse(
          count(results, "accepted"),
          count(results, "duplicate"),
          count(results, "quarantined"),
          results);
    }

    private static int count(List<RecordResult> results, String status) {
      return (int) results.stream().filter(r -> r.status().equals(status)).count();
    }
  }

  /**
   * One record's result: {@code accepted} with its insert id, {@code duplicate} with the insert id
   * it was first accepted under, or {@code quarantined} and why.
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record RecordResult(
      int index,
      String status,
      String insertId,
      String quarantineId,
      List<QuarantineReason> reasons) {

    static RecordResult of(RecordOutcome outcome) {
      return switch (outcome) {
        case RecordOutcome.Accepted a ->
            new RecordResult(a.index(), "accepted", a.insertId(), null, null);
        case RecordOutcome.Duplicate d ->
            new RecordResult(d.index(), "duplicate", d.insertId(), null, null);
        case RecordOutcome.Quarantined q ->
            new RecordResult(q.index(), "quarantined", null, q.quarantineId(), q.reasons());
      };
    }
  }
}
