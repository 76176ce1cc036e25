package dev.sextant.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.testsupport.http.JsonHttp;
import dev.sextant.testsupport.http.TestAdmin;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * A permissive project accepts what its plan does not know yet and registers it as drafts, with the
 * inferred types, before the records are stored.
 */
class PermissiveProjectIT {

  @TempDir Path dataDir;

  @Test
  void registersUnknownEventsAndPropertiesAsDrafts() {
    try (ConfigurableApplicationContext server =
        new SpringApplicationBuilder(SextantServer.class)
            .run(
                TestAdmin.ARGUMENT,
                "--server.port=0",
                "--sextant.data-dir=" + dataDir,
                "--sextant.demo.enabled=false",
                // Its records carry fixed times, years old: the collector must take them.
                "--sextant.collector.event-time.max-past=36500d")) {
      JsonHttp http =
          TestAdmin.signedIn(
              Integer.parseInt(server.getEnvironment().getRequiredProperty("local.server.port")));
      JsonHttp.Response created =
          http.put(
              "/api/v1/projects/lab/plan",
              """
              {"project":"lab","version":0,"settings":{"unknown_data_policy":"PERMISSIVE"},
               "events":[{"name":"Launch","display_name":"启动"}]}
              """);
      assertThat(created.status()).as(created.body().toString()).isEqualTo(200);

      JsonHttp.Response posted =
          http.post(
              "/api/v1/events?project=lab",
              """
              {"type":"track","event":"Experiment","distinct_id":"u1","time":1700000000000,
               "properties":{"variant":"B","score":7}}
              """);

      assertThat(posted.body().get("accepted").asInt()).as(posted.body().toString()).isEqualTo(1);
      JsonNode plan = http.get("/api/v1/projects/lab/plan").body();
      JsonNode experiment = find(plan.get("events"), "Experiment");
      assertThat(experiment.get("status").asString()).isEqualTo("DRAFT");
      assertThat(find(plan.get("properties"), "variant").get("type").asString())
          .isEqualTo("STRING");
      assertThat(find(plan.get("properties"), "score").get("type").asString()).isEqualTo("NUMBER");
      assertThat(http.get("/api/v1/projects/lab/users/u1/events").body().get("events")).hasSize(1);
    }
  }

  private static JsonNode find(JsonNode definitions, String name) {
    for (JsonNode definition : definitions) {
      if (definition.get("name").asString().equals(name)) {
        return definition;
      }
    }
    throw new AssertionError(name + " not in " + definitions);
  }
}
