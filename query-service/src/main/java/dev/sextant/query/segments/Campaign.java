package dev.sextant.query.segments;

import java.time.Instant;

/** A campaign on a segment snapshot, with how many users it targets and holds out. */
public record Campaign(
    String id,
    String name,
    String segmentId,
    String snapshotId,
    int holdoutPercent,
    long targeted,
    long heldOut,
    Instant createdAt) {}
