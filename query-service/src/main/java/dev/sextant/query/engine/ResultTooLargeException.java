package dev.sextant.query.engine;

/**
 * An analysis whose answer has more rows than the engine assembles (too many groups, buckets or
 * members): the request should group by fewer or coarser properties, or cover less time.
 */
public final class ResultTooLargeException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final long rows;
  private final long limit;

  public ResultTooLargeException(long rows, long limit) {
    super(
        "the analysis returned %,d rows, more than the limit of %,d (sextant.query.max-result-rows)"
            .formatted(rows, limit));
    this.rows = rows;
    this.limit = limit;
  }

  public long rows() {
    return rows;
  }

  public long limit() {
    return limit;
  }
}
