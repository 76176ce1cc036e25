package dev.sextant.query.model;

import java.math.BigDecimal;
import java.util.List;

/** The buckets of a distribution, in order, every bucket present (zero-filled). */
public record DistributionResult(List<Bucket> buckets) {

  public DistributionResult {
    buckets = List.copyOf(buckets);
  }

  /**
   * @param from the bucket's inclusive lower bound, null for -∞
   * @param to the bucket's exclusive upper bound, null for +∞
   * @param events events in the bucket
   * @param users distinct users with an event in the bucket
   */
  public record Bucket(BigDecimal from, BigDecimal to, long events, long users) {}
}
