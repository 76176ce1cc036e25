package dev.sextant.collector.ingest;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads bodies and decompresses payloads without ever holding more than a limit: the read stops one
 * byte past the limit, so a 10 GB body or a gzip bomb costs at most the limit in memory.
 */
public final class BoundedReads {

  private static final int CHUNK = 8192;

  private BoundedReads() {}

  /**
   * All bytes of {@code in}.
   *
   * @throws PayloadTooLargeException when there are more than {@code limit}
   */
  public static byte[] readAtMost(InputStream in, long limit, String what) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.min(limit, CHUNK));
    byte[] chunk = new byte[CHUNK];
    long total = 0;
    int read;
    while ((read = in.read(chunk)) != -1) {
      total += read;
      if (total > limit) {
        throw new PayloadTooLargeException(what, limit);
      }
      out.write(chunk, 0, read);
    }
    return out.toByteArray();
  }

  /** True when the bytes start with the gzip magic number. */
  public static boolean looksGzipped(byte[] bytes) {
    return bytes.length >= 2 && (bytes[0] & 0xff) == 0x1f && (bytes[1] & 0xff) == 0x8b;
  }

  /**
   * The decompressed bytes of a gzip payload.
   *
   * @throws PayloadTooLargeException when they would be more than {@code limit}
   * @throws MalformedBodyException when the bytes are not gzip
   */
  public static byte[] gunzipAtMost(byte[] compressed, long limit) {
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(compressed), CHUNK)) {
      return readAtMost(in, limit, "the decompressed payload");
    } catch (ZipException | EOFException e) {
      throw new MalformedBodyException("the payload is not valid gzip: " + e.getMessage());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
