package dev.sextant.server.demo;

import dev.sextant.demo.simulation.SimulationSettings;
import java.time.Clock;
import java.time.LocalDate;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The demo project the embedded server offers on first start ({@code sextant.demo.*}).
 *
 * @param enabled whether to create the demo project when it does not exist yet
 * @param project its name
 * @param users how many simulated users to load with it (0 loads no events); the default gives
 *     about 177 000 events
 * @param days over how many days they are simulated
 * @param seed the simulation's seed: the same seed and first day load the same events
 * @param firstDay the first simulated day (Asia/Shanghai), or null: by default the period ends
 *     yesterday, so that the console's default time ranges (the last 7 or 30 days) show the demo at
 *     once. {@code 2017-01-01} replays the case study's own calendar (the push on 2017-02-15).
 */
@ConfigurationProperties("sextant.demo")
public record DemoProjectProperties(
    @DefaultValue("true") boolean enabled,
    @DefaultValue("demo") String project,
    @DefaultValue("1000") int users,
    @DefaultValue("90") int days,
    @DefaultValue("2017") long seed,
    LocalDate firstDay) {

  public DemoProjectProperties {
    if (users < 0) {
      throw new IllegalArgumentException("sextant.demo.users must not be negative, was " + users);
    }
    if (days < 1 || days > 3650) {
      throw new IllegalArgumentException("sextant.demo.days must be 1 to 3650, was " + days);
    }
  }

  /** What to simulate: the configured first day, or the {@code days} days before today. */
  public SimulationSettings simulation(Clock clock) {
    LocalDate today = LocalDate.now(clock.withZone(SimulationSettings.SHANGHAI));
    LocalDate first = firstDay != null ? firstDay : today.minusDays(days);
    return new SimulationSettings(project, users, days, seed, first, SimulationSettings.SHANGHAI);
  }
}
