package dev.sextant.collector.ingest;

/**
 * How much one request may carry. Every limit is checked while reading, so that no request makes
 * the collector buffer more than {@code maxBodyBytes} plus {@code maxDecompressedBytes}.
 *
 * @param maxBodyBytes the largest body on the wire, before any decompression
 * @param maxDecompressedBytes the largest payload after gzip decompression (a gzip bomb stops here)
 * @param maxRecordsPerBatch the most records one request may carry
 * @param maxRecordBytes the largest single record, as JSON text; a larger one is quarantined
 * @param maxNestingDepth the deepest JSON nesting (arrays and objects) a payload may have
 * @param maxNumberLength the most characters one JSON number may have
 */
public record IngestLimits(
    long maxBodyBytes,
    long maxDecompressedBytes,
    int maxRecordsPerBatch,
    long maxRecordBytes,
    int maxNestingDepth,
    int maxNumberLength) {

  /** The defaults documented in {@code docs/configuration.md}. */
  public static final IngestLimits DEFAULTS =
      new IngestLimits(5L << 20, 32L << 20, 10_000, 512L << 10, 16, 64);

  public IngestLimits {
    requirePositive(maxBodyBytes, "maxBodyBytes");
    requirePositive(maxDecompressedBytes, "maxDecompressedBytes");
    requirePositive(maxRecordsPerBatch, "maxRecordsPerBatch");
    requirePositive(maxRecordBytes, "maxRecordBytes");
    requirePositive(maxNestingDepth, "maxNestingDepth");
    requirePositive(maxNumberLength, "maxNumberLength");
  }

  private static void requirePositive(long value, String name) {
    if (value <= 0) {
      throw new IllegalArgumentException(name + " must be positive, got " + value);
    }
  }
}
