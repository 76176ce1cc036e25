package dev.sextant.importer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;

/**
 * Imports one JSON-lines file (gzip when its name ends in {@code .gz}) in batches, from where an
 * earlier run stopped. After each batch the collector acknowledged, the new state goes to {@code
 * checkpoint} before the next batch is read: an interruption loses at most the batch in flight,
 * which the next run sends again (its records come back as duplicates where they carry a {@code
 * _track_id} and the collector still remembers it).
 */
public final class FileImport {

  /** Told how far an import has come. */
  public interface Progress {

    /**
     * @param bytesRead bytes of the file (as stored, compressed or not) read so far
     * @param state the state after the latest acknowledged batch
     */
    void update(long bytesRead, ImportState state);
  }

  private final BatchSender sender;
  private final int batchSize;

  public FileImport(BatchSender sender, int batchSize) {
    if (batchSize < 1) {
      throw new IllegalArgumentException("the batch size must be at least 1");
    }
    this.sender = sender;
    this.batchSize = batchSize;
  }

  /**
   * Imports what is left of {@code file} after {@code from}.
   *
   * @return the finished state
   * @throws ImportFailedException when the collector refused a batch for good; {@code checkpoint}
   *     has the state after the last acknowledged one
   */
  public ImportState run(
      Path file, ImportState from, Consumer<ImportState> checkpoint, Progress progress) {
    try (CountingInputStream raw = new CountingInputStream(Files.newInputStream(file));
        BufferedReader lines =
            new BufferedReader(
                new InputStreamReader(decompressed(file, raw), StandardCharsets.UTF_8), 1 << 16)) {
      skip(lines, from.linesDone());
      ImportState state = from;
      List<String> batch = new ArrayList<>(batchSize);
      long linesInBatch = 0;
      String line;
      while ((line = lines.readLine()) != null) {
        linesInBatch++;
        if (!RecordLines.isBlank(line)) {
          batch.add(RecordLines.recordOf(line));
        }
        if (batch.size() == batchSize) {
          state = state.after(sender.send(List.copyOf(batch)), linesInBatch);
          checkpoint.accept(state);
          progress.update(raw.count(), state);
          batch.clear();
          linesInBatch = 0;
        }
      }
      if (!batch.isEmpty()) {
        state = state.after(sender.send(List.copyOf(batch)), linesInBatch);
        linesInBatch = 0;
      }
      state = state.finishedAfter(linesInBatch);
      checkpoint.accept(state);
      progress.update(raw.count(), state);
      return state;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  private static InputStream decompressed(Path file, InputStream raw) throws IOException {
    return file.getFileName().toString().endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw;
  }

  private static void skip(BufferedReader lines, long count) throws IOException {
    for (long i = 0; i < count; i++) {
      if (lines.readLine() == null) {
        throw new ImportFailedException(
            "the file has fewer lines than the " + count + " already imported: it changed");
      }
    }
  }

  /** Counts the bytes read through it, for progress on the file as stored. */
  private static final class CountingInputStream extends java.io.FilterInputStream {
    private long count;

    CountingInputStream(InputStream in) {
      super(in);
    }

    long count() {
      return count;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count++;
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = super.read(buffer, offset, length);
      if (n > 0) {
        count += n;
      }
      return n;
    }

    @Override
    public long skip(long n) throws IOException {
      long skipped = super.skip(n);
      count += skipped;
      return skipped;
    }
  }
}
