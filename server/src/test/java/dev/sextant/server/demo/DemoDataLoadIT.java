package dev.sextant.server.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.demo.simulation.DemoSimulation;
import dev.sextant.demo.simulation.SimulationSettings;
import dev.sextant.event.TrackedEvent;
import dev.sextant.registry.columns.PlanPropertyTypes;
import dev.sextant.store.duckdb.DuckDbEventStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The demo project's events, as the server loads them on first start, in a real DuckDB store. */
class DemoDataLoadIT {

  @Test
  void loadsTheConfiguredSimulation() {
    DemoProjectProperties demo = new DemoProjectProperties(true, "demo", 30, 60, 7, null);
    // The period ends yesterday: on 2026-12-08 (Shanghai) it is the 60 days from 2026-10-09.
    Clock clock = Clock.fixed(Instant.parse("2026-12-08T02:00:00Z"), ZoneOffset.UTC);
    try (DuckDbEventStore store = DuckDbEventStore.inMemory()) {
      store.createSchema();

      long stored = DemoProjectConfiguration.loadDemoData(demo, clock, store, demoPlanTypes());

      SimulationSettings settings =
          new SimulationSettings(
              "demo", 30, 60, 7, LocalDate.of(2026, 10, 9), SimulationSettings.SHANGHAI);
      assertThat(demo.simulation(clock)).isEqualTo(settings);
      List<TrackedEvent> expected = new DemoSimulation(settings).simulateUser(5);
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

  @Test
  void replaysTheCaseStudyCalendarWhenAskedTo() {
    DemoProjectProperties demo =
        new DemoProjectProperties(true, "demo", 30, 90, 7, LocalDate.of(2017, 1, 1));
    assertThat(demo.simulation(Clock.systemUTC()))
        .isEqualTo(SimulationSettings.caseStudy("demo", 30, 90, 7));
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
                  new DemoProjectProperties(true, "demo", 0, 90, 1, null),
                  Clock.systemUTC(),
                  store,
                  demoPlanTypes()))
          .isZero();
    }
  }
}
