package dev.sextant.collector.web;

import dev.sextant.collector.ingest.BoundedReads;
import dev.sextant.collector.ingest.IngestLimits;
import dev.sextant.collector.ingest.MalformedBodyException;
import dev.sextant.collector.ingest.PayloadTooLargeException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;

/**
 * A request body as received, read within the body limit. The servlet container's own form parsing
 * is never used: it would buffer the body without our limits.
 *
 * @param bytes the bytes on the wire
 * @param gzipped whether {@code Content-Encoding: gzip} was declared
 */
record RequestBody(byte[] bytes, boolean gzipped) {

  /**
   * Reads the body, refusing at once a declared length over the limit and stopping one byte past it
   * otherwise.
   *
   * @throws PayloadTooLargeException past {@code maxBodyBytes}
   * @throws UnsupportedContentEncodingException for any encoding but gzip and identity
   */
  static RequestBody read(HttpServletRequest request, IngestLimits limits) throws IOException {
    boolean gzipped = isGzipped(request.getHeader("Content-Encoding"));
    if (request.getContentLengthLong() > limits.maxBodyBytes()) {
      throw new PayloadTooLargeException("the body", limits.maxBodyBytes());
    }
    return new RequestBody(
        BoundedReads.readAtMost(request.getInputStream(), limits.maxBodyBytes(), "the body"),
        gzipped);
  }

  private static boolean isGzipped(String contentEncoding) {
    if (contentEncoding == null) {
      return false;
    }
    String encoding = contentEncoding.strip().toLowerCase(Locale.ROOT);
    return switch (encoding) {
      case "", "identity" -> false;
      case "gzip", "x-gzip" -> true;
      default -> throw new UnsupportedContentEncodingException(contentEncoding);
    };
  }

  /**
   * The payload, decompressed when gzipped.
   *
   * @throws MalformedBodyException when it is not gzip although declared so
   * @throws PayloadTooLargeException when it decompresses to more than the limit
   */
  byte[] payload(IngestLimits limits) {
    return gzipped ? BoundedReads.gunzipAtMost(bytes, limits.maxDecompressedBytes()) : bytes;
  }

  /** The payload as UTF-8 text. */
  String utf8(IngestLimits limits) {
    try {
      return strictUtf8(payload(limits));
    } catch (CharacterCodingException e) {
      throw new MalformedBodyException("the body is not valid UTF-8");
    }
  }

  /**
   * The body as it is kept in quarantine: the text when it is UTF-8, otherwise base64 of the bytes
   * on the wire, so that nothing is lost.
   */
  QuarantineCopy quarantineCopy() {
    if (!gzipped) {
      try {
        return new QuarantineCopy(strictUtf8(bytes), "");
      } catch (CharacterCodingException e) {
        // Not text: kept as base64 below.
      }
    }
    return new QuarantineCopy(
        Base64.getEncoder().encodeToString(bytes),
        " (the payload is kept as base64 of the bytes received)");
  }

  /**
   * @param payload the body, as text
   * @param note how the payload holds the body, to append to the reason
   */
  record QuarantineCopy(String payload, String note) {}

  private static String strictUtf8(byte[] bytes) throws CharacterCodingException {
    return StandardCharsets.UTF_8
        .newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT)
        .decode(ByteBuffer.wrap(bytes))
        .toString();
  }
}
