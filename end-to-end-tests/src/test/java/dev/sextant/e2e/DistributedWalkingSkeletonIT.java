package dev.sextant.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.sextant.collector.app.CollectorApplication;
import dev.sextant.query.app.QueryApplication;
import dev.sextant.sink.app.SinkApplication;
import dev.sextant.testsupport.clickhouse.ClickHouseExtension;
import dev.sextant.testsupport.clickhouse.ClickHouseTestServer;
import dev.sextant.testsupport.http.JsonHttp;
import dev.sextant.testsupport.http.TestAdmin;
import dev.sextant.testsupport.kafka.KafkaExtension;
import dev.sextant.testsupport.kafka.KafkaTestBroker;
import dev.sextant.testsupport.postgres.PostgresExtension;
import dev.sextant.testsupport.postgres.PostgresTestDatabase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * The distributed mode, end to end: the collector, the sink and the query service run as separate
 * Spring Boot applications against a real Kafka broker, a real ClickHouse server and a real
 * PostgreSQL server. An event goes collector → Kafka → sink → ClickHouse → query service.
 */
@ExtendWith({ClickHouseExtension.class, KafkaExtension.class, PostgresExtension.class})
class DistributedWalkingSkeletonIT {

  private static final String PLAN =
      """
      {"project":"fx","version":0,
       "events":[{"name":"forex_Deposit","display_name":"外汇入金",
                  "properties":[{"name":"amount","required":true},{"name":"currency","required":true}]}],
       "properties":[{"name":"amount","display_name":"金额","type":"NUMBER"},
                     {"name":"currency","display_name":"币种","type":"STRING"}]}
      """;

  private final List<ConfigurableApplicationContext> services = new ArrayList<>();
  private JsonHttp collector;
  private JsonHttp query;

  @BeforeEach
  void startServices(
      ClickHouseTestServer clickHouse, KafkaTestBroker kafka, PostgresTestDatabase postgres) {
    String[] metadata = {
      "--spring.datasource.url=" + postgres.jdbcUrl(),
      "--spring.datasource.username=" + postgres.username(),
      "--spring.datasource.password=" + postgres.password(),
    };
    String[] events = {
      "--sextant.clickhouse.url=" + clickHouse.baseUrl(),
      "--sextant.clickhouse.user=" + clickHouse.user(),
      "--sextant.clickhouse.password=" + clickHouse.password(),
      "--sextant.clickhouse.database=" + clickHouse.database(),
    };
    String[] topics = {
      "--spring.kafka.bootstrap-servers=" + kafka.bootstrapServers(),
      "--sextant.kafka.events-topic=e2e.events",
      "--sextant.kafka.quarantine-topic=e2e.quarantine",
    };
    query =
        TestAdmin.signedIn(
            port(
                start(
                    QueryApplication.application(),
                    metadata,
                    events,
                    new String[] {TestAdmin.ARGUMENT})));
    start(SinkApplication.application(), metadata, events, topics);
    // The test's records carry fixed times, years old: the collector must take them.
    String[] oldTimes = {"--sextant.collector.event-time.max-past=36500d"};
    collector =
        JsonHttp.onLocalPort(
            port(start(CollectorApplication.application(), metadata, topics, oldTimes)));
  }

  @AfterEach
  void stopServices() {
    services.reversed().forEach(ConfigurableApplicationContext::close);
  }

  @Test
  void theQueryServiceServesTheConsole() {
    assertThat(query.getText("/")).contains("<title>Sextant 六分仪</title>", "<div id=\"app\">");
  }

  @Test
  void anEventTravelsFromCollectorThroughKafkaAndClickHouseToTheQueryService() {
    assertThat(query.put("/api/v1/projects/fx/plan", PLAN).status()).isEqualTo(200);

    JsonHttp.Response posted =
        collector.post(
            "/api/v1/events?project=fx",
            """
            [{"type":"track","event":"forex_Deposit","distinct_id":"trader-7","time":1700000000000,
              "properties":{"amount":2500.75,"currency":"USD"}},
             {"type":"track","event":"forex_Deposit","distinct_id":"trader-7","time":1700000001000,
              "properties":{"amount":100}}]
            """);

    assertThat(posted.status()).isEqualTo(200);
    assertThat(posted.body().get("accepted").asInt()).isEqualTo(1);
    assertThat(posted.body().get("quarantined").asInt()).isEqualTo(1);

    JsonNode event =
        await()
            .atMost(Duration.ofSeconds(60))
            .until(
                () -> query.get("/api/v1/projects/fx/users/trader-7/events").body().get("events"),
                events -> events != null && events.size() == 1)
            .get(0);
    assertThat(event.get("event").asString()).isEqualTo("forex_Deposit");
    assertThat(event.get("display_name").asString()).isEqualTo("外汇入金");
    assertThat(event.get("properties").get("amount").decimalValue())
        .isEqualByComparingTo("2500.75");
    assertThat(event.get("properties").get("currency").asString()).isEqualTo("USD");

    JsonNode quarantined =
        await()
            .atMost(Duration.ofSeconds(60))
            .until(
                () -> query.get("/api/v1/projects/fx/quarantine").body().get("records"),
                records -> records != null && records.size() == 1)
            .get(0);
    assertThat(quarantined.get("reasons").get(0).get("code").asString())
        .isEqualTo("MISSING_REQUIRED_PROPERTY");
  }

  private ConfigurableApplicationContext start(
      SpringApplicationBuilder application, String[]... args) {
    List<String> all = new ArrayList<>(List.of("--server.port=0"));
    for (String[] group : args) {
      all.addAll(List.of(group));
    }
    ConfigurableApplicationContext context = application.run(all.toArray(String[]::new));
    services.add(context);
    return context;
  }

  private static int port(ConfigurableApplicationContext context) {
    return Integer.parseInt(context.getEnvironment().getRequiredProperty("local.server.port"));
  }
}
