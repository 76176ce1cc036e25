package dev.sextant.demo.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.event.TrackedEvent;
import dev.sextant.registry.document.PlanDocuments;
import dev.sextant.registry.plan.EventDefinition;
import dev.sextant.registry.plan.TrackingPlan;
import dev.sextant.registry.validation.EventValidator;
import dev.sextant.registry.validation.ValidationResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Every generated event passes the real validator against the demo tracking plan the embedded
 * server ships, and the simulation uses most of the plan.
 */
class DemoPlanConformanceTest {

  /** The plan as the server ships it (a sibling module's resource, read from the source tree). */
  static final Path DEMO_PLAN = Path.of("../server/src/main/resources/demo/tracking-plan.yaml");

  static TrackingPlan demoPlan() throws IOException {
    return PlanDocuments.fromYaml(Files.readString(DEMO_PLAN));
  }

  @Test
  void everyEventOfThreeThousandUsersConformsToTheDemoPlan() throws IOException {
    TrackingPlan plan = demoPlan();
    EventValidator validator = EventValidator.compile(plan);
    Map<String, String> firstProblemByEvent = new LinkedHashMap<>();
    Set<String> used = new HashSet<>();
    long[] checked = {0};
    new DemoSimulation(SimulationSettings.caseStudy("demo", 3_000, 90, 2017))
        .run((TrackedEvent event) -> {
          checked[0]++;
          used.add(event.event());
          ValidationResult result = validator.check(event.event(), event.properties());
          if (!result.reasons().isEmpty() || result.drafts().isPresent()) {
            firstProblemByEvent.putIfAbsent(event.event(), result.toString());
          }
        });
    assertThat(firstProblemByEvent).isEmpty();
    assertThat(checked[0]).isGreaterThan(100_000);
    Set<String> planned = new HashSet<>();
    plan.events().stream().map(EventDefinition::name).forEach(planned::add);
    assertThat(used).contains("$SignUp");
    used.remove("$SignUp");
    assertThat(planned).containsAll(used);
    assertThat(used.size()).isGreaterThanOrEqualTo(planned.size() - 2);
  }
}
