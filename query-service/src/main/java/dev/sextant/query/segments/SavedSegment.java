package dev.sextant.query.segments;

import java.time.Instant;

/**
 * A saved segment: its rule is kept as the JSON the API took, and read again (validated) on use.
 */
public record SavedSegment(
    String id, String name, String rule, Refresh refresh, Instant createdAt) {}
