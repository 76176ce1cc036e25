package dev.sextant.demo.output;

import dev.sextant.demo.simulation.DemoSimulation;
import dev.sextant.store.EventStore;

/**
 * Loads a simulation into an event store in batches, reporting progress: the one way the CLI and
 * the embedded server load demo data.
 */
public final class DemoLoad {

  /** The batch size: large enough for DuckDB's appender, small enough to stream. */
  public static final int DEFAULT_BATCH_SIZE = 20_000;

  private DemoLoad() {}

  /** Runs the simulation into the store; the number of events stored. */
  public static long into(
      EventStore store, DemoSimulation simulation, int batchSize, EventBatches.Progress progress) {
    ObservedPropertyTypes types = new ObservedPropertyTypes();
    EventBatches batches =
        new EventBatches(
            batchSize,
            batch -> {
              types.observe(batch);
              store.append(batch, types);
            },
            progress);
    simulation.run(batches);
    batches.close();
    return batches.stored();
  }
}
