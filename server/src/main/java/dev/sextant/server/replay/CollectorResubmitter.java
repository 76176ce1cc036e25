package dev.sextant.server.replay;

import dev.sextant.collector.ingest.CheckedRecord;
import dev.sextant.collector.ingest.Enrichment;
import dev.sextant.collector.ingest.EventIngestion;
import dev.sextant.collector.ingest.ReceivedRecord;
import dev.sextant.collector.ingest.RecordOutcome;
import dev.sextant.collector.ingest.Source;
import dev.sextant.event.QuarantineCode;
import dev.sextant.event.QuarantineReason;
import dev.sextant.query.quarantine.RecordResubmitter;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Replays through the embedded server's own collector: the same {@link EventIngestion} the HTTP
 * endpoints use, so a replayed record is validated, PII-protected and stored exactly as a sent one.
 * The request's enrichment (client address, user agent) was not kept with the quarantined record
 * and is not added again. A payload that is not one record (a whole unreadable request body, kept
 * as received) cannot be replayed.
 */
public final class CollectorResubmitter implements RecordResubmitter {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final EventIngestion ingestion;

  public CollectorResubmitter(EventIngestion ingestion) {
    this.ingestion = ingestion;
  }

  @Override
  public List<Resubmission> check(String project, List<String> payloads, boolean asBackEnd) {
    List<Resubmission> answers = new ArrayList<>();
    for (String payload : payloads) {
      JsonNode record = recordOf(payload);
      if (record == null) {
        answers.add(notARecord());
        continue;
      }
      CheckedRecord checked =
          ingestion
              .check(
                  project,
                  List.of(new ReceivedRecord.Readable(record)),
                  Enrichment.NONE,
                  sourceOf(asBackEnd))
              .getFirst();
      answers.add(
          checked.conforms()
              ? new Resubmission.Conforms()
              : new Resubmission.Refused(checked.reasons()));
    }
    return answers;
  }

  @Override
  public List<Resubmission> submit(String project, List<String> payloads, boolean asBackEnd) {
    List<ReceivedRecord> records = new ArrayList<>();
    List<Integer> readable = new ArrayList<>();
    Resubmission[] answers = new Resubmission[payloads.size()];
    for (int i = 0; i < payloads.size(); i++) {
      JsonNode record = recordOf(payloads.get(i));
      if (record == null) {
        answers[i] = notARecord();
      } else {
        records.add(new ReceivedRecord.Readable(record));
        readable.add(i);
      }
    }
    List<RecordOutcome> outcomes =
        records.isEmpty()
            ? List.of()
            : ingestion.ingest(project, records, Enrichment.NONE, sourceOf(asBackEnd));
    for (int j = 0; j < outcomes.size(); j++) {
      answers[readable.get(j)] =
          switch (outcomes.get(j)) {
            case RecordOutcome.Accepted accepted -> new Resubmission.Accepted(accepted.insertId());
            case RecordOutcome.Duplicate duplicate ->
                new Resubmission.Duplicate(duplicate.insertId());
            case RecordOutcome.Quarantined quarantined ->
                new Resubmission.Refused(quarantined.reasons());
          };
    }
    return List.of(answers);
  }

  private static Source sourceOf(boolean asBackEnd) {
    return asBackEnd ? Source.SECRET_KEY : Source.UNIDENTIFIED;
  }

  private static JsonNode recordOf(String payload) {
    try {
      JsonNode node = JSON.readTree(payload);
      return node != null && node.isObject() ? node : null;
    } catch (JacksonException notJson) {
      return null;
    }
  }

  private static Resubmission notARecord() {
    return new Resubmission.Refused(
        List.of(
            new QuarantineReason(
                QuarantineCode.MALFORMED_PAYLOAD,
                "",
                "the quarantined payload is not one record (a request body kept as received):"
                    + " it cannot be replayed")));
  }
}
