package dev.sextant.server.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The demo project the embedded server offers on first start ({@code sextant.demo.*}).
 *
 * @param enabled whether to create the demo project when it does not exist yet
 * @param project its name
 * @param users how many simulated users to load with it (0 loads no events); the default gives
 *     about 177 000 events
 * @param days over how many days from 2017-01-01 (Asia/Shanghai) they are simulated
 * @param seed the simulation's seed: the same seed loads the same events
 */
@ConfigurationProperties("sextant.demo")
public record DemoProjectProperties(
    @DefaultValue("true") boolean enabled,
    @DefaultValue("demo") String project,
    @DefaultValue("1000") int users,
    @DefaultValue("90") int days,
    @DefaultValue("2017") long seed) {

  public DemoProjectProperties {
    if (users < 0) {
      throw new IllegalArgumentException("sextant.demo.users must not be negative, was " + users);
    }
    if (days < 1 || days > 3650) {
      throw new IllegalArgumentException("sextant.demo.days must be 1 to 3650, was " + days);
    }
  }
}
