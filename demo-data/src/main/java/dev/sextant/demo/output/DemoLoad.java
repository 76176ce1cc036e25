package dev.sextant.demo.output;

import dev.sextant.demo.simulation.DemoSimulation;
import dev.sextant.event.TrackedEvent;
import dev.sextant.store.EventStore;
import dev.sextant.store.PropertyTypes;
import java.util.List;
import java.util.function.Consumer;

/**
 * Loads a simulation into an event store in batches, reporting progress: the one way the CLI and
 * the embedded server load demo data.
 */
public final class DemoLoad {

  /** The batch size: large enough for DuckDB's appender, small enough to stream. */
  public static final int DEFAULT_BATCH_SIZE = 20_000;

  private DemoLoad() {}

  /**
   * Runs the simulation into the store with column types learned from the generated values, for a
   * store without a tracking plan (the CLI); the number of events stored.
   */
  public static long into(
      EventStore store, DemoSimulation simulation, int batchSize, EventBatches.Progress progress) {
    ObservedPropertyTypes types = new ObservedPropertyTypes();
    return run(
        simulation,
        batchSize,
        batch -> {
          types.observe(batch);
          store.append(batch, types);
        },
        progress);
  }

  /**
   * Runs the simulation into the store with the given column types (the project's plan, where the
   * store has one); the number of events stored.
   */
  public static long into(
      EventStore store,
      PropertyTypes types,
      DemoSimulation simulation,
      int batchSize,
      EventBatches.Progress progress) {
    return run(simulation, batchSize, batch -> store.append(batch, types), progress);
  }

  private static long run(
      DemoSimulation simulation,
      int batchSize,
      Consumer<List<TrackedEvent>> sink,
      EventBatches.Progress progress) {
    EventBatches batches = new EventBatches(batchSize, sink, progress);
    simulation.run(batches);
    batches.close();
    return batches.stored();
  }
}
