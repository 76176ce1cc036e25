package dev.sextant.server.demo;

import dev.sextant.registry.document.PlanDocuments;
import dev.sextant.registry.editing.ChangeOutcome;
import dev.sextant.registry.editing.PlanEditor;
import dev.sextant.registry.plan.TrackingPlan;
import dev.sextant.registry.storage.PlanStorage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;

/**
 * Creates the demo project's tracking plan ({@code demo/tracking-plan.yaml}) on first start, so the
 * README's tour works at once. It is saved through the same rules as any other change.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DemoProjectProperties.class)
public class DemoProjectConfiguration {

  static final String DEMO_PLAN = "demo/tracking-plan.yaml";
  static final String AUTHOR = "sextant-demo";

  private static final Logger log = LoggerFactory.getLogger(DemoProjectConfiguration.class);

  @Bean
  ApplicationRunner demoProject(DemoProjectProperties demo, PlanStorage plans, PlanEditor editor) {
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
    };
  }

  /** The demo plan as shipped. */
  static TrackingPlan readDemoPlan() throws IOException {
    try (InputStream in = new ClassPathResource(DEMO_PLAN).getInputStream()) {
      return PlanDocuments.fromYaml(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }
}
