package dev.sextant.collector.web;

import dev.sextant.collector.CollectorProperties;
import dev.sextant.collector.access.ApiKeyAuthenticator;
import dev.sextant.collector.enrich.RequestEnrichment;
import dev.sextant.collector.ingest.CheckedRecord;
import dev.sextant.collector.ingest.Enrichment;
import dev.sextant.collector.ingest.EventIngestion;
import dev.sextant.collector.ingest.IngestLimits;
import dev.sextant.collector.ingest.MalformedBodyException;
import dev.sextant.collector.ingest.RecordOutcome;
import dev.sextant.collector.ingest.Source;
import dev.sextant.collector.sensors.FormFields;
import dev.sextant.collector.sensors.SensorsPayloadDecoder;
import dev.sextant.collector.web.CollectorMetrics.Endpoint;
import dev.sextant.collector.web.EventsController.IngestResponse;
import dev.sextant.event.QuarantineReason;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.CrossOrigin;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * The Sensors Analytics SDK wire protocol, as {@code docs/sensors-protocol.md} describes it: {@code
 * POST /sa} (forms from the Java, Node and JavaScript SDKs, and sendBeacon's {@code text/plain}),
 * {@code GET /sa.gif} and {@code GET /sa} (image beacons, answered with a 1×1 GIF), and {@code
 * /debug} (synchronous validation; {@code Dry-Run: true} stores nothing). The decoding is in {@link
 * SensorsPayloadDecoder}; this class only translates HTTP.
 *
 * <p>CORS: the JavaScript SDK posts from the pages' origin, and its debug sender sends {@code
 * Dry-Run} with credentials, so the origin is echoed and that header allowed.
 */
@RestController
@CrossOrigin(
    originPatterns = "*",
    allowCredentials = "true",
    allowedHeaders = {"Dry-Run", "Content-Type", "X-Requested-With"},
    maxAge = 3600)
public class SensorsController {

  /** Sensors Analytics' own default when a URL names no project. */
  static final String DEFAULT_PROJECT = "default";

  /** The smallest transparent GIF, 1×1: what an image beacon expects back. */
  static final byte[] PIXEL = {
    0x47,
    0x49,
    0x46,
    0x38,
    0x39,
    0x61,
    0x01,
    0x00,
    0x01,
    0x00,
    (byte) 0x80,
    0x00,
    0x00,
    0x00,
    0x00,
    0x00,
    (byte) 0xff,
    (byte) 0xff,
    (byte) 0xff,
    0x21,
    (byte) 0xf9,
    0x04,
    0x01,
    0x00,
    0x00,
    0x00,
    0x00,
    0x2c,
    0x00,
    0x00,
    0x00,
    0x00,
    0x01,
    0x00,
    0x01,
    0x00,
    0x00,
    0x02,
    0x02,
    0x44,
    0x01,
    0x00,
    0x3b
  };

  private static final URI DEBUG_FAILED =
      URI.create("https://sextant.dev/problems/debug-validation-failed");

  private final EventIngestion ingestion;
  private final RequestEnrichment enrichment;
  private final CollectorMetrics metrics;
  private final IngestLimits limits;
  private final SensorsPayloadDecoder decoder;
  private final RequestRateLimits rateLimits;
  private final ApiKeyAuthenticator authenticator;

  public SensorsController(
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
    this.decoder = new SensorsPayloadDecoder(limits);
  }

  /** Form posts of the SDKs' batch and ajax senders, and sendBeacon's text/plain posts. */
  @PostMapping({"/sa", "/sa.gif"})
  public IngestResponse post(HttpServletRequest request) throws IOException {
    return metrics.timed(
        Endpoint.SA,
        () -> {
          rateLimits.admitClient(Endpoint.SA, request);
          FormFields query = query(request);
          Source source = authenticate(request, query);
          FormFields fields = bodyFields(request, project(query), Endpoint.SA, true).orElse(query);
          return IngestResponse.of(ingest(Endpoint.SA, project(query), fields, request, source));
        });
  }

  /** Image beacons: the record is in the query string; the answer is a pixel. */
  @GetMapping({"/sa", "/sa.gif"})
  public ResponseEntity<byte[]> beacon(HttpServletRequest request) throws IOException {
    return metrics.timed(
        Endpoint.SA_BEACON,
        () -> {
          rateLimits.admitClient(Endpoint.SA_BEACON, request);
          FormFields query = query(request);
          Source source = authenticate(request, query);
          ingest(Endpoint.SA_BEACON, project(query), query, request, source);
          return ResponseEntity.ok()
              .cacheControl(CacheControl.noStore())
              .contentType(MediaType.IMAGE_GIF)
              .body(PIXEL);
        });
  }

  /**
   * The Java and Node SDKs' debug modes: {@code 200 {}} when every record conforms, otherwise 400
   * with every problem of every record.
   */
  @PostMapping("/debug")
  public ResponseEntity<Object> debugPost(
      HttpServletRequest request, @RequestHeader(name = "Dry-Run", required = false) String dryRun)
      throws IOException {
    return metrics.timed(
        Endpoint.DEBUG,
        () -> {
          rateLimits.admitClient(Endpoint.DEBUG, request);
          FormFields query = query(request);
          Source source = authenticate(request, query);
          boolean isDryRun = "true".equalsIgnoreCase(dryRun);
          FormFields fields =
              bodyFields(request, project(query), Endpoint.DEBUG, !isDryRun).orElse(query);
          return debug(project(query), fields, isDryRun, request, source, HttpStatus.BAD_REQUEST);
        });
  }

  /**
   * The JavaScript SDK's debug mode, a GET with the record in the query. Its sender shows the
   * answer only for a 2xx status (an alert with the JSON, or "success" for {@code {}}), so problems
   * are answered with 200 here and the same JSON body as the POST's 400.
   */
  @GetMapping("/debug")
  public ResponseEntity<Object> debugGet(
      HttpServletRequest request, @RequestHeader(name = "Dry-Run", required = false) String dryRun)
      throws IOException {
    return metrics.timed(
        Endpoint.DEBUG,
        () -> {
          rateLimits.admitClient(Endpoint.DEBUG, request);
          FormFields query = query(request);
          Source source = authenticate(request, query);
          return debug(
              project(query),
              query,
              "true".equalsIgnoreCase(dryRun),
              request,
              source,
              HttpStatus.OK);
        });
  }

  private Source authenticate(HttpServletRequest request, FormFields query) {
    return authenticator.authenticate(project(query), ClientRequests.presentedKey(request, query));
  }

  private List<RecordOutcome> ingest(
      Endpoint endpoint,
      String project,
      FormFields fields,
      HttpServletRequest request,
      Source source) {
    return switch (decoder.decode(fields)) {
      case SensorsPayloadDecoder.Undecodable undecodable -> {
        String id =
            ingestion.quarantineMalformedBody(project, undecodable.payload(), undecodable.reason());
        metrics.recordMalformedBody(endpoint);
        throw new MalformedRequestException(undecodable.reason(), id);
      }
      case SensorsPayloadDecoder.Records records -> {
        rateLimits.admitRecords(endpoint, project, records.records().size());
        List<RecordOutcome> outcomes =
            ingestion.ingest(
                project, records.records(), ClientRequests.enrichment(enrichment, request), source);
        metrics.recordOutcomes(endpoint, outcomes);
        yield outcomes;
      }
    };
  }

  private ResponseEntity<Object> debug(
      String project,
      FormFields fields,
      boolean dryRun,
      HttpServletRequest request,
      Source source,
      HttpStatus failureStatus) {
    SensorsPayloadDecoder.Decoded decoded = decoder.decode(fields);
    if (decoded instanceof SensorsPayloadDecoder.Undecodable undecodable) {
      Map<String, Object> report = failure(undecodable.reason(), dryRun, List.of());
      if (!dryRun) {
        report.put(
            "quarantine_id",
            ingestion.quarantineMalformedBody(
                project, undecodable.payload(), undecodable.reason()));
        metrics.recordMalformedBody(Endpoint.DEBUG);
      }
      return answer(report, failureStatus);
    }
    SensorsPayloadDecoder.Records records = (SensorsPayloadDecoder.Records) decoded;
    rateLimits.admitRecords(Endpoint.DEBUG, project, records.records().size());
    Enrichment enriched = ClientRequests.enrichment(enrichment, request);
    List<DebugRecord> results;
    if (dryRun) {
      results =
          ingestion.check(project, records.records(), enriched, source).stream()
              .map(DebugRecord::of)
              .toList();
    } else {
      List<RecordOutcome> outcomes = ingestion.ingest(project, records.records(), enriched, source);
      metrics.recordOutcomes(Endpoint.DEBUG, outcomes);
      results = outcomes.stream().map(DebugRecord::of).toList();
    }
    long refused = results.stream().filter(r -> !r.reasons().isEmpty()).count();
    if (refused == 0) {
      return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(Map.of());
    }
    String detail =
        refused
            + " of "
            + results.size()
            + " records do not conform to the tracking plan"
            + (dryRun ? " (dry run: nothing was stored)" : " and were quarantined");
    return answer(failure(detail, dryRun, results), failureStatus);
  }

  private static Map<String, Object> failure(
      String detail, boolean dryRun, List<DebugRecord> records) {
    Map<String, Object> report = new LinkedHashMap<>();
    report.put("type", DEBUG_FAILED.toString());
    report.put("title", "The records do not conform");
    report.put("detail", detail);
    report.put("dry_run", dryRun);
    report.put("records", records);
    return report;
  }

  private static ResponseEntity<Object> answer(Map<String, Object> report, HttpStatus status) {
    if (status == HttpStatus.OK) {
      return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(report);
    }
    ProblemDetail problem = ProblemDetail.forStatus(status);
    problem.setType(DEBUG_FAILED);
    problem.setTitle((String) report.get("title"));
    problem.setDetail((String) report.get("detail"));
    report.forEach((name, value) -> {
      if (!List.of("type", "title", "detail").contains(name)) {
        problem.setProperty(name, value);
      }
    });
    return ResponseEntity.status(status)
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(problem);
  }

  /**
   * The form in a POST body, whatever its declared content type (sendBeacon sends {@code
   * text/plain}). A body that is not a form is quarantined as received, unless {@code quarantine}
   * is false (dry run).
   */
  private FormFields bodyFields(
      HttpServletRequest request, String project, Endpoint endpoint, boolean quarantine)
      throws IOException {
    RequestBody body = RequestBody.read(request, limits);
    try {
      return FormFields.parse(body.utf8(limits));
    } catch (MalformedBodyException e) {
      if (!quarantine) {
        throw new MalformedRequestException(e.getMessage(), null);
      }
      RequestBody.QuarantineCopy copy = body.quarantineCopy();
      String id =
          ingestion.quarantineMalformedBody(project, copy.payload(), e.getMessage() + copy.note());
      metrics.recordMalformedBody(endpoint);
      throw new MalformedRequestException(e.getMessage(), id);
    }
  }

  /**
   * The query string's fields. Read by hand: asking the container for a parameter would make it
   * parse (and buffer) a form body first.
   */
  private static FormFields query(HttpServletRequest request) {
    try {
      return FormFields.parse(request.getQueryString());
    } catch (MalformedBodyException e) {
      throw new MalformedRequestException("the query string: " + e.getMessage(), null);
    }
  }

  private static String project(FormFields query) {
    return query.get("project").filter(p -> !p.isBlank()).orElse(DEFAULT_PROJECT);
  }

  /** One record's verdict in a debug answer. */
  record DebugRecord(int index, String status, List<QuarantineReason> reasons) {

    static DebugRecord of(CheckedRecord checked) {
      return new DebugRecord(
          checked.index(), checked.conforms() ? "valid" : "invalid", checked.reasons());
    }

    static DebugRecord of(RecordOutcome outcome) {
      return switch (outcome) {
        case RecordOutcome.Accepted a -> new DebugRecord(a.index(), "accepted", List.of());
        case RecordOutcome.Duplicate d -> new DebugRecord(d.index(), "duplicate", List.of());
        case RecordOutcome.Quarantined q -> new DebugRecord(q.index(), "quarantined", q.reasons());
      };
    }
  }
}
