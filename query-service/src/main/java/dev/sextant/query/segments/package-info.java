/**
 * Saved segments, their snapshots and campaigns: metadata in SQL ({@link
 * dev.sextant.query.segments.JdbcSegmentStorage}), member lists in the event store ({@code
 * UserLists}), and the HTTP API ({@link dev.sextant.query.segments.SegmentController}). The rule
 * semantics are pure ({@code dev.sextant.query.model}, {@code dev.sextant.query.sql}), as are the
 * holdout and the statistics ({@code dev.sextant.query.campaign}).
 */
package dev.sextant.query.segments;
