package dev.sextant.server.segments;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.demo.simulation.DemoSimulation;
import dev.sextant.demo.simulation.SimulationSettings;
import dev.sextant.event.IdLink;
import dev.sextant.event.TrackedEvent;
import dev.sextant.query.campaign.Holdout;
import dev.sextant.query.engine.AnalysisEngine;
import dev.sextant.query.model.FunnelAnalysis;
import dev.sextant.query.model.FunnelResult;
import dev.sextant.query.model.Segment;
import dev.sextant.query.model.SegmentRule;
import dev.sextant.query.reference.ReferenceEngine;
import dev.sextant.query.reference.UserResolver;
import dev.sextant.query.segments.Campaign;
import dev.sextant.query.segments.EffectReport;
import dev.sextant.query.segments.JdbcSegmentStorage;
import dev.sextant.query.segments.Refresh;
import dev.sextant.query.segments.SavedSegment;
import dev.sextant.query.segments.SegmentComparison;
import dev.sextant.query.segments.SegmentRequests;
import dev.sextant.query.segments.SegmentService;
import dev.sextant.query.segments.Snapshot;
import dev.sextant.query.sql.SqlDialect;
import dev.sextant.query.web.AnalysisRequests;
import dev.sextant.registry.columns.PlanPropertyTypes;
import dev.sextant.registry.document.PlanDocuments;
import dev.sextant.store.EventQueries;
import dev.sextant.store.EventStore;
import dev.sextant.store.PropertyTypes;
import dev.sextant.store.UserLists;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import tools.jackson.databind.json.JsonMapper;

/**
 * The case study's operations loop on the demo data, on one engine, through {@link SegmentService}
 * with real metadata storage (H2, migrated by Flyway): every number is checked against the
 * reference implementation over the same simulated events in memory, and the pushed users the
 * simulation chose must be in the segment (it is the simulation's target). {@code
 * CaseStudyCampaignIT} runs the same loop over HTTP on the all-in-one server.
 */
abstract class CaseStudyScenario {

  static final String PROJECT = "demo";
  static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  static final LocalDate DAY_BEFORE_PUSH = LocalDate.of(2017, 2, 14);

  /** The default demo: 1,000 users over 90 days, seed 2017 (about 177,000 events). */
  static final List<TrackedEvent> EVENTS = simulate();

  static final String HIGH_INTENT =
      """
      {"all": [
        {"first_did": {"events": ["SignUp"],
                       "filter": {"property": "result", "op": "eq", "values": ["success"]}},
         "within": {"from": "2017-01-01", "to": "2017-01-31"}},
        {"did": {"events": ["$AppViewScreen", "$pageview"],
                 "filter": {"property": "page_id", "op": "eq", "values": ["credit_report"]}},
         "within": {"from": "2017-01-01", "to": "2017-02-14"}},
        {"did_not": {"events": ["P2P_InvestSuccess"]},
         "within": {"from": "2017-01-01", "to": "2017-02-14"}}
      ]}
      """;

  static final String PUSH =
      """
      {"events": ["push_Receive"],
       "filter": {"property": "push_campaign", "op": "eq", "values": ["credit_report_jan_signups"]}},
      "within": {"from": "2017-02-15", "to": "2017-02-15"}
      """;

  static final String INVEST_FUNNEL =
      """
      {"steps": [{"events": ["$AppStart", "$pageview"]}, {"events": ["P2P_InvestSuccess"]}],
       "window_seconds": 1209600, "from": "2017-02-15", "to": "2017-02-28"}
      """;

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final ReferenceEngine reference =
      new ReferenceEngine(
          UserResolver.linking(EVENTS.stream().flatMap(e -> IdLink.of(e).stream()).toList()));

  /** The store under test, holding {@link #EVENTS}. */
  protected abstract EventQueries queries();

  protected abstract UserLists lists();

  protected abstract SqlDialect dialect();

  static void load(EventStore store) {
    store.createSchema();
    for (int from = 0; from < EVENTS.size(); from += 20_000) {
      store.append(EVENTS.subList(from, Math.min(EVENTS.size(), from + 20_000)), demoTypes());
    }
  }

  /** A clock the test moves. */
  private static final class MovingClock extends Clock {
    private Instant now;

    MovingClock(Instant now) {
      this.now = now;
    }

    void advance(Duration duration) {
      now = now.plus(duration);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return Clock.fixed(now, zone);
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  private SegmentService service() {
    return service(Clock.fixed(Instant.parse("2017-02-15T01:00:00Z"), ZoneOffset.UTC));
  }

  private SegmentService service(Clock clock) {
    DriverManagerDataSource metadata =
        new DriverManagerDataSource(
            "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
    Flyway.configure().dataSource(metadata).load().migrate();
    AnalysisEngine engine = new AnalysisEngine(queries(), dialect(), demoTypes());
    return new SegmentService(
        engine,
        lists(),
        new JdbcSegmentStorage(JdbcClient.create(metadata)),
        clock,
        Duration.ofSeconds(60));
  }

  @Test
  void refreshesScheduledSegmentsWhenDue() {
    MovingClock clock = new MovingClock(Instant.parse("2017-02-15T01:00:00Z"));
    SegmentService segments = service(clock);
    SavedSegment daily =
        segments.create(PROJECT, "daily", JSON.readTree(HIGH_INTENT), Refresh.DAILY, SHANGHAI);
    segments.create(PROJECT, "on demand", JSON.readTree(HIGH_INTENT), Refresh.NONE, SHANGHAI);

    List<Snapshot> first = segments.refreshDue(project -> SHANGHAI);
    assertThat(first)
        .singleElement()
        .satisfies(snapshot -> {
          assertThat(snapshot.segmentId()).isEqualTo(daily.id());
          // 01:00 UTC is 09:00 in Shanghai: the snapshot is as of that local date.
          assertThat(snapshot.asOf()).isEqualTo(LocalDate.of(2017, 2, 15));
          assertThat(snapshot.users()).isEqualTo(members(HIGH_INTENT).size());
        });
    assertThat(segments.refreshDue(project -> SHANGHAI)).isEmpty();
    clock.advance(Duration.ofHours(23).plusMinutes(59));
    assertThat(segments.refreshDue(project -> SHANGHAI)).isEmpty();
    clock.advance(Duration.ofMinutes(1));
    assertThat(segments.refreshDue(project -> SHANGHAI)).hasSize(1);
    assertThat(segments.snapshots(PROJECT, daily.id()))
        .extracting(Snapshot::asOf)
        .containsExactly(LocalDate.of(2017, 2, 16), LocalDate.of(2017, 2, 15));
  }

  @Test
  void buildsCountsExportsTargetsAndMeasuresTheCampaign() {
    SegmentService segments = service();
    SortedSet<String> expected = members(HIGH_INTENT);
    assertThat(expected).hasSizeGreaterThan(10);

    assertThat(segments.preview(PROJECT, JSON.readTree(HIGH_INTENT), DAY_BEFORE_PUSH, SHANGHAI))
        .isEqualTo(expected.size());
    SavedSegment saved =
        segments.create(PROJECT, "高意向客户", JSON.readTree(HIGH_INTENT), Refresh.NONE, SHANGHAI);
    Snapshot snapshot = segments.snapshot(PROJECT, saved.id(), DAY_BEFORE_PUSH, SHANGHAI);
    assertThat(snapshot.users()).isEqualTo(expected.size());
    assertThat(segments.snapshots(PROJECT, saved.id())).containsExactly(snapshot);

    List<String> exported = new ArrayList<>();
    String after = null;
    List<String> page;
    do {
      page = segments.members(PROJECT, saved.id(), snapshot.id(), after, 10);
      exported.addAll(page);
      after = page.isEmpty() ? null : page.getLast();
    } while (page.size() == 10);
    assertThat(exported).isSorted().containsExactlyElementsOf(expected);

    // The simulation pushed half of its target: every pushed user is in the segment.
    SortedSet<String> pushed = members("{\"did\": " + PUSH + "}");
    assertThat(pushed).isNotEmpty();
    assertThat(expected).containsAll(pushed);

    Campaign campaign = segments.createCampaign(PROJECT, "征信页唤醒", saved.id(), snapshot.id(), 30);
    Holdout.Split split = new Holdout(campaign.id(), 30).split(List.copyOf(expected));
    assertThat(campaign.targeted()).isEqualTo(split.targeted().size());
    assertThat(campaign.heldOut()).isEqualTo(split.heldOut().size()).isPositive();
    assertThat(segments.campaigns(PROJECT)).containsExactly(campaign);

    FunnelAnalysis funnel =
        AnalysisRequests.funnel(JSON.readTree(INVEST_FUNNEL), "funnel", SHANGHAI);
    EffectReport effect = segments.effect(PROJECT, campaign.id(), funnel);
    assertGroup(effect.targeted(), funnelOf(funnel, Set.copyOf(split.targeted())));
    assertGroup(effect.heldOut(), funnelOf(funnel, Set.copyOf(split.heldOut())));
    Set<String> everyoneElse = new TreeSet<>(allUsers());
    everyoneElse.removeAll(expected);
    assertGroup(effect.notTargeted(), funnelOf(funnel, everyoneElse));

    Map<String, SegmentRule> compared = new LinkedHashMap<>();
    compared.put("pushed", rule("{\"all\": [" + HIGH_INTENT + ", {\"did\": " + PUSH + "}]}"));
    compared.put(
        "not_pushed", rule("{\"all\": [" + HIGH_INTENT + ", {\"did_not\": " + PUSH + "}]}"));
    SegmentComparison comparison =
        segments.compare(PROJECT, compared, DAY_BEFORE_PUSH, SHANGHAI, funnel);
    SortedSet<String> notPushed = new TreeSet<>(expected);
    notPushed.removeAll(pushed);
    assertGroup(comparison.groups().get(0).group(), funnelOf(funnel, pushed));
    assertGroup(comparison.groups().get(1).group(), funnelOf(funnel, notPushed));
    // The simulation's push works, by about as much as the case study's did (24.69 % against
    // 16.34 %). With the default demo's 1,000 users that difference is not significant at 95 %
    // (p is about 0.1), and the comparison must say so rather than flatter the campaign;
    // DemoScenarioTest checks the simulation's significance on 6,000 users.
    double pushedRate = comparison.groups().get(0).group().rate().doubleValue();
    double notPushedRate = comparison.groups().get(1).group().rate().doubleValue();
    assertThat(pushedRate - notPushedRate).isBetween(0.03, 0.2);
    assertThat(comparison.comparisons().getFirst().comparison().pValue()).isBetween(0.0, 1.0);
  }

  private SortedSet<String> members(String rule) {
    return reference.members(new Segment(rule(rule), DAY_BEFORE_PUSH, SHANGHAI), EVENTS);
  }

  private static SegmentRule rule(String json) {
    return SegmentRequests.rule(JSON.readTree(json), "rule", SHANGHAI);
  }

  private Set<String> allUsers() {
    return reference.members(new Segment(SegmentRule.all(), DAY_BEFORE_PUSH, SHANGHAI), EVENTS);
  }

  private FunnelResult.Group funnelOf(FunnelAnalysis funnel, Set<String> users) {
    return reference.run(funnel, reference.eventsOf(users, EVENTS)).groups().getFirst();
  }

  private static void assertGroup(EffectReport.Group actual, FunnelResult.Group expected) {
    assertThat(actual.users()).isEqualTo(expected.users().getFirst());
    assertThat(actual.converted()).isEqualTo(expected.users().getLast());
  }

  private static List<TrackedEvent> simulate() {
    List<TrackedEvent> events = new ArrayList<>();
    new DemoSimulation(SimulationSettings.caseStudy(PROJECT, 1000, 90, 2017)).run(events::add);
    return List.copyOf(events);
  }

  static PropertyTypes demoTypes() {
    try (InputStream in = new ClassPathResource("demo/tracking-plan.yaml").getInputStream()) {
      return PlanPropertyTypes.of(
          PlanDocuments.fromYaml(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
