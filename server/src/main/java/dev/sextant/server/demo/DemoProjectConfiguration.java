package dev.sextant.server.demo;

import dev.sextant.collector.ingest.EventIngestion;
import dev.sextant.collector.ingest.RecordOutcome;
import dev.sextant.demo.output.DemoLoad;
import dev.sextant.demo.simulation.DemoSimulation;
import dev.sextant.demo.simulation.FaultyRelease;
import dev.sextant.demo.simulation.SimulationSettings;
import dev.sextant.query.segments.Refresh;
import dev.sextant.query.segments.SavedSegment;
import dev.sextant.query.segments.SegmentService;
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
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

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
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Bean
  ApplicationRunner demoProject(
      DemoProjectProperties demo,
      PlanStorage plans,
      PlanEditor editor,
      EventStore store,
      EventIngestion ingestion,
      SegmentService segments,
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
      quarantineFaultyRelease(demo, clock, ingestion);
      saveCaseStudySegment(demo, clock, segments);
    };
  }

  /**
   * The case study's segment, saved with a snapshot as of the day before its push, so that the
   * segments page opens on something an operator would have built: users who signed up in the
   * period's first month, viewed the credit report and had not invested by then.
   */
  static Optional<SavedSegment> saveCaseStudySegment(
      DemoProjectProperties demo, Clock clock, SegmentService segments) {
    if (demo.users() == 0) {
      // No demo data: an empty project, without the segment of a story it does not hold.
      return Optional.empty();
    }
    SimulationSettings settings = demo.simulation(clock);
    LocalDate first = settings.firstDay();
    LocalDate dayBeforePush = first.plusDays(SimulationSettings.CASE_STUDY_CAMPAIGN_DAY - 1);
    String rule =
        """
        {"all": [
          {"first_did": {"events": ["SignUp"],
                         "filter": {"property": "result", "op": "eq", "values": ["success"]}},
           "within": {"from": "%1$s", "to": "%2$s"}},
          {"did": {"events": ["$AppViewScreen", "$pageview"],
                   "filter": {"property": "page_id", "op": "eq", "values": ["credit_report"]}},
           "within": {"from": "%1$s", "to": "%3$s"}},
          {"did_not": {"events": ["P2P_InvestSuccess"]},
           "within": {"from": "%1$s", "to": "%3$s"}}
        ]}\
        """
            .formatted(first, first.plusMonths(1).minusDays(1), dayBeforePush);
    SavedSegment saved =
        segments.create(
            settings.project(),
            "高意向客户：首月注册、看过征信报告、未投资",
            JSON.readTree(rule),
            Refresh.NONE,
            settings.zone());
    segments.snapshot(settings.project(), saved.id(), dayBeforePush, settings.zone());
    log.info("Saved the case study's segment '{}' in '{}'", saved.name(), settings.project());
    return Optional.of(saved);
  }

  /**
   * The demo's bad records ({@link FaultyRelease}) through the collector's own validation, so that
   * the data-quality page has real reasons to show and a record to replay once the plan is fixed.
   */
  static long quarantineFaultyRelease(
      DemoProjectProperties demo, Clock clock, EventIngestion ingestion) {
    if (demo.users() == 0) {
      return 0;
    }
    List<JsonNode> records =
        FaultyRelease.records(demo.simulation(clock)).stream()
            .<JsonNode>map(JSON::valueToTree)
            .toList();
    long quarantined =
        ingestion.ingest(demo.project(), records).stream()
            .filter(outcome -> outcome instanceof RecordOutcome.Quarantined)
            .count();
    log.info(
        "Quarantined {} of the demo's {} records from a faulty app release (see the data-quality"
            + " page)",
        quarantined,
        records.size());
    return quarantined;
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
