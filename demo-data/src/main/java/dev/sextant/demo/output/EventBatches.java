package dev.sextant.demo.output;

import dev.sextant.event.TrackedEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Groups a stream of events into batches of a fixed size for a store's {@code append}, so that a
 * run of any size holds one batch in memory. Not thread-safe.
 */
public final class EventBatches implements Consumer<TrackedEvent>, AutoCloseable {

  /** Called after each batch with the number of events stored so far. */
  @FunctionalInterface
  public interface Progress {
    void stored(long events);
  }

  private final int size;
  private final Consumer<List<TrackedEvent>> store;
  private final Progress progress;
  private List<TrackedEvent> batch;
  private long stored;

  public EventBatches(int size, Consumer<List<TrackedEvent>> store, Progress progress) {
    if (size < 1) {
      throw new IllegalArgumentException("batch size must be at least 1, was " + size);
    }
    this.size = size;
    this.store = store;
    this.progress = progress;
    this.batch = new ArrayList<>(size);
  }

  @Override
  public void accept(TrackedEvent event) {
    batch.add(event);
    if (batch.size() == size) {
      flush();
    }
  }

  /** How many events were handed to the store. */
  public long stored() {
    return stored;
  }

  /** Stores the last, partial batch. */
  @Override
  public void close() {
    if (!batch.isEmpty()) {
      flush();
    }
  }

  private void flush() {
    store.accept(batch);
    stored += batch.size();
    batch = new ArrayList<>(size);
    progress.stored(stored);
  }
}
