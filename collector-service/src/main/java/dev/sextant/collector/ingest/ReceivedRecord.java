package dev.sextant.collector.ingest;

import tools.jackson.databind.JsonNode;

/** One record as read from a request, before it is parsed and validated. */
public sealed interface ReceivedRecord {

  /** The record's JSON. */
  JsonNode json();

  /** A record within the size limit. */
  record Readable(JsonNode json) implements ReceivedRecord {}

  /** A record larger than one record may be: it is quarantined, not parsed. */
  record Oversized(JsonNode json, long bytes, long limit) implements ReceivedRecord {}
}
