package dev.sextant.collector.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.sextant.collector.ingest.EventIngestion;
import dev.sextant.collector.ingest.RecordOutcome;
import dev.sextant.collector.ingest.RecordReader;
import dev.sextant.event.QuarantineReason;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * The native collection API: {@code POST /api/v1/events?project=NAME} with one record or a JSON
 * array of records. The answer lists each record's outcome and is sent only after every record is
 * durably stored or quarantined.
 */
@RestController
public class EventsController {

  /** Bigger batches must be split by the sender; keeps one request's memory bounded. */
  static final int MAX_RECORDS_PER_REQUEST = 10_000;

  private final EventIngestion ingestion;
  private final RecordReader reader = new RecordReader();

  public EventsController(EventIngestion ingestion) {
    this.ingestion = ingestion;
  }

  @PostMapping(path = "/api/v1/events", consumes = MediaType.APPLICATION_JSON_VALUE)
  public IngestResponse collect(@RequestParam String project, @RequestBody byte[] body) {
    List<JsonNode> records;
    try {
      records = reader.read(body);
    } catch (RecordReader.MalformedBodyException e) {
      String quarantineId =
          ingestion.quarantineMalformedBody(
              project, new String(body, StandardCharsets.UTF_8), e.getMessage());
      throw new MalformedRequestException(e.getMessage(), quarantineId);
    }
    if (records.size() > MAX_RECORDS_PER_REQUEST) {
      throw new TooManyRecordsException(records.size(), MAX_RECORDS_PER_REQUEST);
    }
    return IngestResponse.of(ingestion.ingest(project, records));
  }

  /** The answer: counts, then one result per record in request order. */
  public record IngestResponse(int accepted, int quarantined, List<RecordResult> results) {

    static IngestResponse of(List<RecordOutcome> outcomes) {
      List<RecordResult> results = outcomes.stream().map(RecordResult::of).toList();
      int accepted = (int) results.stream().filter(r -> r.status().equals("accepted")).count();
      return new IngestResponse(accepted, results.size() - accepted, results);
    }
  }

  /** One record's result: {@code accepted} with its insert id, or {@code quarantined} and why. */
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
        case RecordOutcome.Quarantined q ->
            new RecordResult(q.index(), "quarantined", null, q.quarantineId(), q.reasons());
      };
    }
  }
}
