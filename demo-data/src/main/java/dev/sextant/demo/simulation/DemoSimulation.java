package dev.sextant.demo.simulation;

import dev.sextant.event.TrackedEvent;
import java.util.List;
import java.util.function.Consumer;

/**
 * A deterministic simulation of a financial app's users in the style of the case study (P2P
 * lending, forex copy-trading, stocks, a points mall, push campaigns).
 *
 * <p>Users are simulated one after another, each from a random generator seeded by the run's seed
 * and the user's index, so a run streams (one user's events in memory at a time), a user's events
 * do not depend on how many users the run has, and the same seed gives the same events, insert ids
 * included. Each user's events come in time order; users are not interleaved.
 *
 * <p>Identity: a visitor's events carry the device's anonymous id until signing up. Sign-up sends
 * {@code $SignUp} with the login id as the distinct id and the anonymous id in {@code $device_id}
 * and in {@code originalId} (a Sensors {@code track_signup} record's {@code original_id} when
 * written as JSON lines); every later event carries the login id. The events before sign-up are
 * kept under the anonymous id; the store's ID link makes analyses count them for the login id.
 */
public final class DemoSimulation {

  private final SimulationSettings settings;
  private final long[] dayStarts;

  public DemoSimulation(SimulationSettings settings) {
    this.settings = settings;
    this.dayStarts = new long[settings.days() + 1];
    for (int day = 0; day <= settings.days(); day++) {
      dayStarts[day] =
          settings
              .firstDay()
              .plusDays(day)
              .atStartOfDay(settings.zone())
              .toInstant()
              .toEpochMilli();
    }
  }

  public SimulationSettings settings() {
    return settings;
  }

  /** Every user's events, user after user, each user's in time order. */
  public void run(Consumer<? super TrackedEvent> sink) {
    for (int user = 0; user < settings.users(); user++) {
      simulateUser(user).forEach(sink);
    }
  }

  /** One user's events, in time order. */
  public List<TrackedEvent> simulateUser(int user) {
    if (user < 0 || user >= settings.users()) {
      throw new IllegalArgumentException("no user " + user + " in " + settings.users());
    }
    return new UserJourney(settings, dayStarts, user).simulate();
  }
}
