package dev.sextant.server.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.demo.simulation.DemoSimulation;
import dev.sextant.demo.simulation.SimulationSettings;
import dev.sextant.event.TrackedEvent;
import dev.sextant.registry.columns.PlanPropertyTypes;
import dev.sextant.store.duckdb.DuckDbEventStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The demo project's events, as the server loads them on first start, in a real DuckDB store. */
class DemoDataLoadIT {

  @Test
  void loadsTheConfiguredSimulation() {
    DemoProjectProperties demo = new DemoProjectProperties(true, "demo", 30, 60, 7);
    try (DuckDbEventStore store = DuckDbEventStore.inMemory()) {
      store.createSchema();

      long stored = DemoProjectConfiguration.loadDemoData(demo, store, demoPlanTypes());

      List<TrackedEvent> expected =
          new DemoSimulation(SimulationSettings.caseStudy("demo", 30, 60, 7)).simulateUser(5);
      String distinctId = expected.getLast().distinctId();
      assertThat(stored).isGreaterThan(1_000);
      assertThat(store.findUserEvents("demo", distinctId, 10_000))
          .extracting(TrackedEvent::insertId)
          .containsAll(
              expected.stream()
                  .filter(e -> e.distinctId().equals(distinctId))
                  .map(TrackedEvent::insertId)
                  .toList());
    }
  }

  private static PlanPropertyTypes demoPlanTypes() {
    try {
      return PlanPropertyTypes.of(DemoProjectConfiguration.readDemoPlan());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void loadsNothingForNoUsers() {
    try (DuckDbEventStore store = DuckDbEventStore.inMemory()) {
      store.createSchema();
      assertThat(
              DemoProjectConfiguration.loadDemoData(
                  new DemoProjectProperties(true, "demo", 0, 90, 1), store, demoPlanTypes()))
          .isZero();
    }
  }
}
