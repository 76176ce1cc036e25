package dev.sextant.server.demo;

import dev.sextant.demo.output.DemoLoad;
import dev.sextant.demo.simulation.DemoSimulation;
import dev.sextant.demo.simulation.SimulationSettings;
import dev.sextant.registry.columns.PlanPropertyTypes;
import dev.sextant.registry.document.PlanDocuments;
import dev.sextant.registry.editing.ChangeOutcome;
import dev.sextant.registry.editing.PlanEditor;
import dev.sextant.registry.plan.TrackingPlan;
import dev.sextant.registry.storage.PlanStorage;
import dev.sextant.store.EventStore;
import dev.sextant.store.PropertyTypes;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;

/**
 * Creates the demo project's tracking plan ({@code demo/tracking-plan.yaml}) on first start, so the
 * README's tour works at once, and loads the simulated behaviour of {@code sextant.demo.users}
 * users into the event store with it. The plan is saved through the same rules as any other change;
 * the events go straight to the store (the simulation conforms to the plan, its tests check it),
 * since pushing them through the collector would only make the first start slower.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DemoProjectProperties.class)
public class DemoProjectConfiguration {

  static final String DEMO_PLAN = "demo/tracking-plan.yaml";
  static final String AUTHOR = "sextant-demo";

  private static final Logger log = LoggerFactory.getLogger(DemoProjectConfiguration.class);

  @Bean
  ApplicationRunner demoProject(
      DemoProjectProperties demo,
      PlanStorage plans,
      PlanEditor editor,
      EventStore store,
      Clock clock) {
    return args -> {
      if (!demo.enabled() || plans.find(demo.project()).isPresent()) {
        return;
      }
      TrackingPlan plan = readDemoPlan().withProject(demo.project()).withVersion(0);
      ChangeOutcome created = editor.apply(plan, AUTHOR, false);
      log.info(
          "Created demo project '{}' (version {}) with {} events and {} properties",
          demo.project(),
          created.version(),
          plan.events().size(),
          plan.properties().size());
      loadDemoData(demo, clock, store, new PlanPropertyTypes(plans));
    };
  }

  /** The simulation, in batches, with the plan's column types; logged every 50 000 events or so. */
  static long loadDemoData(
      DemoProjectProperties demo, Clock clock, EventStore store, PropertyTypes types) {
    if (demo.users() == 0) {
      return 0;
    }
    SimulationSettings settings = demo.simulation(clock);
    log.info(
        "Loading demo data into '{}': {} users over {} days from {} (seed {})",
        settings.project(),
        settings.users(),
        settings.days(),
        settings.firstDay(),
        settings.seed());
    long started = System.nanoTime();
    long[] logged = {0};
    long stored =
        DemoLoad.into(
            store,
            types,
            new DemoSimulation(settings),
            DemoLoad.DEFAULT_BATCH_SIZE,
            events -> {
              if (events - logged[0] >= 50_000) {
                logged[0] = events;
                log.info("Demo data for '{}': {} events stored", settings.project(), events);
              }
            });
    log.info(
        "Loaded {} demo events into '{}' in {} ms",
        stored,
        settings.project(),
        (System.nanoTime() - started) / 1_000_000);
    return stored;
  }

  /** The demo plan as shipped. */
  static TrackingPlan readDemoPlan() throws IOException {
    try (InputStream in = new ClassPathResource(DEMO_PLAN).getInputStream()) {
      return PlanDocuments.fromYaml(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }
}
