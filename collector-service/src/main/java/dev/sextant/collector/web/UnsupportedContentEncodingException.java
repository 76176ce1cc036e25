package dev.sextant.collector.web;

/** A body in a {@code Content-Encoding} the collector does not read (only gzip is). */
public final class UnsupportedContentEncodingException extends RuntimeException {

  public UnsupportedContentEncodingException(String encoding) {
    super("Content-Encoding '" + encoding + "' is not supported: send gzip or no encoding");
  }
}
