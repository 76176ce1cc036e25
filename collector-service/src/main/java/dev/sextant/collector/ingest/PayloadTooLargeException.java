package dev.sextant.collector.ingest;

/** A request, or what it decompresses to, is larger than the collector accepts (413). */
public final class PayloadTooLargeException extends RuntimeException {

  public PayloadTooLargeException(String what, long limit) {
    super(what + " is larger than the limit of " + limit + " bytes");
  }
}
