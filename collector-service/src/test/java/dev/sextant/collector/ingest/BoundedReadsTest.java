package dev.sextant.collector.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class BoundedReadsTest {

  @Test
  void readsABodyUpToTheLimit() throws IOException {
    byte[] body = new byte[1000];
    assertThat(BoundedReads.readAtMost(new ByteArrayInputStream(body), 1000, "the body"))
        .hasSize(1000);
  }

  @Test
  void stopsOneChunkPastTheLimitOfAnEndlessBody() {
    EndlessStream endless = new EndlessStream();

    assertThatThrownBy(() -> BoundedReads.readAtMost(endless, 10 << 20, "the body"))
        .isInstanceOf(PayloadTooLargeException.class)
        .hasMessage("the body is larger than the limit of 10485760 bytes");
    assertThat(endless.served).isLessThan((10 << 20) + 2 * 8192);
  }

  @Test
  void decompressesWithinTheLimit() {
    byte[] text = "hello, 世界".repeat(100).getBytes(java.nio.charset.StandardCharsets.UTF_8);

    assertThat(BoundedReads.gunzipAtMost(gzip(text), text.length)).isEqualTo(text);
  }

  @Test
  void stopsAGzipBomb() {
    byte[] bomb = gzip(new byte[64 << 20]);

    assertThatThrownBy(() -> BoundedReads.gunzipAtMost(bomb, 1 << 20))
        .isInstanceOf(PayloadTooLargeException.class)
        .hasMessageContaining("decompressed payload");
  }

  @Test
  void refusesWhatIsNotGzip() {
    byte[] truncated = Arrays.copyOf(gzip(new byte[10_000]), 12);

    assertThatThrownBy(() -> BoundedReads.gunzipAtMost("plain".getBytes(), 1000))
        .isInstanceOf(MalformedBodyException.class);
    assertThatThrownBy(() -> BoundedReads.gunzipAtMost(truncated, 1000))
        .isInstanceOf(MalformedBodyException.class);
    assertThatThrownBy(() -> BoundedReads.gunzipAtMost(new byte[0], 1000))
        .isInstanceOf(MalformedBodyException.class);
  }

  @Test
  void recognisesTheGzipMagicNumber() {
    assertThat(BoundedReads.looksGzipped(gzip(new byte[1]))).isTrue();
    assertThat(BoundedReads.looksGzipped("[{}]".getBytes())).isFalse();
    assertThat(BoundedReads.looksGzipped(new byte[] {0x1f})).isFalse();
  }

  static byte[] gzip(byte[] bytes) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
      gzip.write(bytes);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** A body that never ends, counting what it served. */
  private static final class EndlessStream extends InputStream {
    long served;

    @Override
    public int read() {
      served++;
      return 'x';
    }

    @Override
    public int read(byte[] buffer, int offset, int length) {
      Arrays.fill(buffer, offset, offset + length, (byte) 'x');
      served += length;
      return length;
    }
  }
}
