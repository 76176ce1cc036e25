package dev.sextant.server.demo;

import dev.sextant.registry.plan.TrackingPlan;
import dev.sextant.registry.storage.PlanStorage;
import java.io.IOException;
import java.io.InputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import tools.jackson.databind.json.JsonMapper;

/** Creates the demo project's tracking plan on first start, so the README's tour works at once. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DemoProjectProperties.class)
public class DemoProjectConfiguration {

  private static final Logger log = LoggerFactory.getLogger(DemoProjectConfiguration.class);

  @Bean
  ApplicationRunner demoProject(
      DemoProjectProperties demo, PlanStorage plans, JsonMapper jsonMapper) {
    return args -> {
      if (!demo.enabled() || plans.find(demo.project()).isPresent()) {
        return;
      }
      TrackingPlan plan = readDemoPlan(jsonMapper, demo.project());
      plans.save(plan);
      log.info(
          "Created demo project '{}' with {} events and {} properties",
          demo.project(),
          plan.events().size(),
          plan.properties().size());
    };
  }

  private static TrackingPlan readDemoPlan(JsonMapper jsonMapper, String project)
      throws IOException {
    try (InputStream in = new ClassPathResource("demo/tracking-plan.json").getInputStream()) {
      TrackingPlan plan = jsonMapper.readValue(in, TrackingPlan.class);
      return new TrackingPlan(project, 0, plan.events(), plan.properties());
    }
  }
}
