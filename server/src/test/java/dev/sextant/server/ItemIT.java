package dev.sextant.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.testsupport.http.JsonHttp;
import dev.sextant.testsupport.http.TestAdmin;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * The embedded server end to end: Sensors item records, sent as the JavaScript SDK sends them to
 * {@code /sa} and as JSON to the native API, are folded into the latest item that the query API
 * answers; after a delete there is none.
 */
class ItemIT {

  @TempDir Path dataDir;

  @Test
  void itemRecordsMakeTheLatestItemUntilItIsDeleted() {
    try (ConfigurableApplicationContext server =
        new SpringApplicationBuilder(SextantServer.class)
            .run(
                TestAdmin.ARGUMENT,
                "--server.port=0",
                "--sextant.data-dir=" + dataDir,
                "--sextant.demo.enabled=false",
                // The records carry fixed times, years old: the collector must take them.
                "--sextant.collector.event-time.max-past=36500d")) {
      JsonHttp http =
          TestAdmin.signedIn(
              Integer.parseInt(server.getEnvironment().getRequiredProperty("local.server.port")));
      JsonHttp.Response created =
          http.put(
              "/api/v1/projects/lab/plan",
              """
              {"project":"lab","version":0,"events":[{"name":"Launch","display_name":"启动"}]}
              """);
      assertThat(created.status()).as(created.body().toString()).isEqualTo(200);

      String sdkBatch =
          """
          [{"type":"item_set","item_type":"product","item_id":"p-42","time":1700000000000,
            "_track_id":12345678,"lib":{"$lib":"js","$lib_method":"code","$lib_version":"1.27.11"},
            "properties":{"name":"稳盈-90天","rate":4.0}},
           {"type":"item_set","item_type":"product","item_id":"p-42","time":1700000001000,
            "_track_id":12345679,"lib":{"$lib":"js","$lib_method":"code","$lib_version":"1.27.11"},
            "properties":{"name":"稳盈-90天","rate":4.5,"tags":["p2p","90天"]}},
           {"type":"item_set","item_type":"product","item_id":"p-43","time":1700000000000,
            "properties":{"name":"下架"}}]
          """;
      String form =
          "data_list="
              + URLEncoder.encode(
                  Base64.getEncoder().encodeToString(sdkBatch.getBytes(StandardCharsets.UTF_8)),
                  StandardCharsets.UTF_8)
              + "&gzip=0";
      assertThat(http.postText("/sa?project=lab", "application/x-www-form-urlencoded", form))
          .isEqualTo(200);

      JsonHttp.Response item = http.get("/api/v1/projects/lab/items/product/p-42");
      assertThat(item.status()).as(item.body().toString()).isEqualTo(200);
      JsonNode body = item.body();
      assertThat(body.get("item_type").asString()).isEqualTo("product");
      assertThat(body.get("item_id").asString()).isEqualTo("p-42");
      assertThat(body.get("updated_at").asString()).isEqualTo("2023-11-14T22:13:21Z");
      JsonNode properties = body.get("properties");
      assertThat(properties.propertyNames()).containsExactly("name", "rate", "tags");
      assertThat(properties.get("name").asString()).isEqualTo("稳盈-90天");
      assertThat(properties.get("rate").decimalValue()).isEqualByComparingTo("4.5");
      assertThat(properties.get("tags").toString()).isEqualTo("[\"p2p\",\"90天\"]");

      JsonHttp.Response deleted =
          http.post(
              "/api/v1/events?project=lab",
              """
              [{"type":"item_delete","item_type":"product","item_id":"p-43","time":1700000002000,
                "properties":{}}]
              """);
      assertThat(deleted.body().get("accepted").asInt()).as(deleted.body().toString()).isEqualTo(1);

      assertThat(http.get("/api/v1/projects/lab/items/product/p-42").status()).isEqualTo(200);
      for (String path : new String[] {"product/p-43", "product/nothing", "article/p-42"}) {
        JsonHttp.Response missing = http.get("/api/v1/projects/lab/items/" + path);
        assertThat(missing.status()).as(path).isEqualTo(404);
        assertThat(missing.contentType()).startsWith("application/problem+json");
        assertThat(missing.body().get("type").asString())
            .isEqualTo("https://sextant.dev/problems/item-not-found");
      }
    }
  }
}
