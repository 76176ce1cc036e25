package dev.sextant.demo.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sextant.event.TrackedEvent;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The simulation is reproducible, streams users one by one and keeps the SDKs' session rules. */
class DemoSimulationTest {

  private static final int USERS = 300;

  private static List<TrackedEvent> run(long seed) {
    List<TrackedEvent> events = new ArrayList<>();
    new DemoSimulation(SimulationSettings.caseStudy("demo", USERS, 90, seed)).run(events::add);
    return events;
  }

  @Test
  void sameSeedGivesTheSameEventsInsertIdsIncluded() {
    assertThat(run(7)).isNotEmpty().isEqualTo(run(7));
  }

  @Test
  void differentSeedsGiveDifferentEvents() {
    List<TrackedEvent> one = run(7);
    List<TrackedEvent> other = run(8);
    assertThat(one).isNotEqualTo(other);
    Set<String> ids = new HashSet<>();
    one.forEach(e -> ids.add(e.insertId()));
    assertThat(other).noneMatch(e -> ids.contains(e.insertId()));
  }

  @Test
  void aUsersEventsDoNotDependOnHowManyUsersTheRunHas() {
    SimulationSettings small = SimulationSettings.caseStudy("demo", 10, 90, 7);
    SimulationSettings large = SimulationSettings.caseStudy("demo", 10_000, 90, 7);
    assertThat(new DemoSimulation(small).simulateUser(3))
        .isEqualTo(new DemoSimulation(large).simulateUser(3));
  }

  @Test
  void insertIdsAreUnique() {
    List<TrackedEvent> events = run(7);
    assertThat(events.stream().map(TrackedEvent::insertId).distinct().count())
        .isEqualTo(events.size());
  }

  @Test
  void eachUsersEventsAreInTimeOrderWithinThePeriod() {
    DemoSimulation simulation = new DemoSimulation(SimulationSettings.caseStudy("demo", 50, 60, 3));
    Instant from = Instant.parse("2016-12-31T16:00:00Z");
    Instant until = Instant.parse("2017-03-01T16:00:00Z");
    for (int user = 0; user < 50; user++) {
      List<TrackedEvent> events = simulation.simulateUser(user);
      assertThat(events).extracting(TrackedEvent::time).isSorted();
      assertThat(events)
          .allMatch(e -> !e.time().isBefore(from) && e.time().isBefore(until))
          .allMatch(e -> !e.receivedAt().isBefore(e.time()));
    }
  }

  @Test
  void idsArePrefixedSoTheyCannotCollideWithHandTypedOnes() {
    assertThat(run(7))
        .extracting(TrackedEvent::distinctId)
        .allMatch(id -> id.startsWith("demo-u-") || id.startsWith("demo-anon-"));
    assertThat(DemoIds.loginId(42)).isEqualTo("demo-u-000042");
    assertThat(DemoIds.loginId(1_234_567)).isEqualTo("demo-u-1234567");
  }

  @Test
  void visitorsBrowseAnonymouslyThenSignUpUnderTheirLoginId() {
    DemoSimulation simulation =
        new DemoSimulation(SimulationSettings.caseStudy("demo", 200, 90, 5));
    int linked = 0;
    for (int user = 0; user < 200; user++) {
      List<TrackedEvent> events = simulation.simulateUser(user);
      String anonymous = DemoIds.anonymousId(5, user);
      String login = DemoIds.loginId(user);
      int signUp = indexOf(events, "$SignUp");
      if (signUp < 0) {
        assertThat(events).allMatch(e -> e.distinctId().equals(anonymous));
        continue;
      }
      linked++;
      assertThat(events.get(signUp).distinctId()).isEqualTo(login);
      assertThat(events.get(signUp).properties()).containsEntry("$device_id", anonymous);
      assertThat(events.get(signUp).originalId())
          .as("the link the store keeps")
          .isEqualTo(anonymous);
      assertThat(events)
          .filteredOn(e -> e != events.get(signUp))
          .allMatch(e -> e.originalId() == null);
      assertThat(events.subList(0, signUp)).anyMatch(e -> e.distinctId().equals(anonymous));
      assertThat(events.subList(signUp, events.size())).allMatch(e -> e.distinctId().equals(login));
    }
    assertThat(linked).isGreaterThan(50);
  }

  @Test
  void appSessionsAreMoreThanThirtyMinutesApartAndLastWhatTheirEndSays() {
    DemoSimulation simulation =
        new DemoSimulation(SimulationSettings.caseStudy("demo", USERS, 90, 11));
    int sessions = 0;
    for (int user = 0; user < USERS; user++) {
      TrackedEvent start = null;
      TrackedEvent lastEnd = null;
      for (TrackedEvent event : simulation.simulateUser(user)) {
        if (event.event().equals("$AppStart")) {
          assertThat(start).as("a session starts after the last one ended").isNull();
          if (lastEnd != null) {
            assertThat(Duration.between(lastEnd.time(), event.time()))
                .isGreaterThan(Duration.ofMillis(UserJourney.SESSION_GAP));
          }
          start = event;
        } else if (event.event().equals("$AppEnd")) {
          assertThat(start).as("a session ends after it started").isNotNull();
          Duration length = Duration.between(start.time(), event.time());
          BigDecimal duration = (BigDecimal) event.properties().get("$event_duration");
          assertThat(duration.longValue()).isEqualTo(length.toSeconds() + 1);
          assertThat(length).isLessThan(Duration.ofMillis(UserJourney.SESSION_GAP));
          start = null;
          lastEnd = event;
          sessions++;
        }
      }
      assertThat(start).as("every session ends").isNull();
    }
    assertThat(sessions).isGreaterThan(USERS);
  }

  @Test
  void rejectsSettingsOutOfRange() {
    assertThatThrownBy(() -> SimulationSettings.caseStudy("demo", 0, 90, 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SimulationSettings.caseStudy("demo", 10, 0, 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SimulationSettings.caseStudy(" ", 10, 90, 1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static int indexOf(List<TrackedEvent> events, String name) {
    for (int i = 0; i < events.size(); i++) {
      if (events.get(i).event().equals(name)) {
        return i;
      }
    }
    return -1;
  }
}
