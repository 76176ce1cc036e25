package dev.sextant.demo.output;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.demo.simulation.DemoSimulation;
import dev.sextant.demo.simulation.SimulationSettings;
import dev.sextant.event.TrackedEvent;
import dev.sextant.store.duckdb.DuckDbEventStore;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The simulation loads into the real DuckDB store and reads back per user. */
class DemoLoadIT {

  @Test
  void loadsEveryEventAndAUsersTimelineReadsBack() {
    DemoSimulation simulation =
        new DemoSimulation(SimulationSettings.caseStudy("demo", 200, 60, 4));
    List<Long> progress = new ArrayList<>();
    try (DuckDbEventStore store = DuckDbEventStore.inMemory()) {
      store.createSchema();
      long stored = DemoLoad.into(store, simulation, 5_000, progress::add);

      assertThat(progress).isNotEmpty().last().isEqualTo(stored);
      List<TrackedEvent> expected = simulation.simulateUser(7);
      String login = expected.getLast().distinctId();
      List<TrackedEvent> mine =
          expected.stream().filter(e -> e.distinctId().equals(login)).toList();
      List<TrackedEvent> read = store.findUserEvents("demo", login, 100_000);
      assertThat(read).hasSameSizeAs(mine);
      assertThat(read.getFirst().insertId())
          .isIn(mine.stream().map(TrackedEvent::insertId).toList());
      assertThat(read.getFirst().time()).isEqualTo(mine.getLast().time());
      String anonymous = expected.getFirst().distinctId();
      assertThat(anonymous).as("user 7 signs up").isNotEqualTo(login);
      assertThat(store.findUserIds("demo", anonymous))
          .as("the sign-up linked the user's anonymous id")
          .containsExactly(login, anonymous);
    }
  }

  @Test
  void loadingTheSameRunTwiceStoresItOnce() {
    DemoSimulation simulation = new DemoSimulation(SimulationSettings.caseStudy("demo", 20, 30, 4));
    try (DuckDbEventStore store = DuckDbEventStore.inMemory()) {
      store.createSchema();
      DemoLoad.into(store, simulation, 1_000, stored -> {});
      DemoLoad.into(store, simulation, 1_000, stored -> {});
      String login = simulation.simulateUser(0).getLast().distinctId();
      long expected =
          simulation.simulateUser(0).stream().filter(e -> e.distinctId().equals(login)).count();
      assertThat(store.findUserEvents("demo", login, 100_000)).hasSize((int) expected);
    }
  }
}
