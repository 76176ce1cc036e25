package dev.sextant.query.engine;

/**
 * An analysis whose answer has more rows than the engine assembles (too many groups, buckets or
 * members): the request should group by fewer or coarser properties, or cover less time.
 */
public final class ResultTooLargeException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final long limit;

  /**
   * @param limit the most rows the engine assembles; the answer had more (how many is not read)
   */
  public ResultTooLargeException(long limit) {
    super(
        "the analysis returns more than %,d rows, the limit (sextant.query.max-result-rows)"
            .formatted(limit));
    this.limit = limit;
  }

  public long limit() {
    return limit;
  }
}
