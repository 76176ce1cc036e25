package dev.sextant.query.segments;

import java.time.Instant;
import java.time.LocalDate;

/** A materialised snapshot of a segment: evaluated as of a date, with how many users it held. */
public record Snapshot(
    String segmentId, String id, LocalDate asOf, long users, Instant createdAt) {}
