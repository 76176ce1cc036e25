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
 * The embedded server end to end: Sensors profile records posted to the collector are folded into
 * the latest profile that the query API answers, across the ids a signup links.
 */
class UserProfileIT {

  @TempDir Path dataDir;

  @Test
  void profileRecordsMakeTheLatestProfileOfTheUser() {
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
              {"project":"lab","version":0,"settings":{"unknown_data_policy":"PERMISSIVE"},
               "events":[{"name":"Launch","display_name":"启动"}]}
              """);
      assertThat(created.status()).as(created.body().toString()).isEqualTo(200);

      JsonHttp.Response posted =
          http.post(
              "/api/v1/events?project=lab",
              """
              [{"type":"profile_set","distinct_id":"anon-1","time":1700000000000,
                "properties":{"city":"上海","vip":true,"$is_login_id":false}},
               {"type":"profile_set_once","distinct_id":"anon-1","time":1700000000001,
                "properties":{"first_channel":"ads"}},
               {"type":"track_signup","event":"$SignUp","distinct_id":"login-1",
                "original_id":"anon-1","time":1700000001000},
               {"type":"profile_increment","distinct_id":"login-1","time":1700000002000,
                "properties":{"invest_count":1,"invested":100.25}},
               {"type":"profile_increment","distinct_id":"login-1","time":1700000003000,
                "properties":{"invest_count":2,"invested":0.75}},
               {"type":"profile_append","distinct_id":"login-1","time":1700000004000,
                "properties":{"products":["稳盈-90天","稳盈-90天"]}},
               {"type":"profile_set_once","distinct_id":"login-1","time":1700000004500,
                "properties":{"first_channel":"direct"}},
               {"type":"profile_unset","distinct_id":"login-1","time":1700000005000,
                "properties":{"vip":true}},
               {"type":"profile_set","distinct_id":"bob","time":1700000000000,
                "properties":{"city":"北京"}},
               {"type":"profile_delete","distinct_id":"bob","time":1700000001000}]
              """);
      assertThat(posted.body().get("accepted").asInt()).as(posted.body().toString()).isEqualTo(10);

      for (String id : new String[] {"anon-1", "login-1"}) {
        JsonHttp.Response answer = http.get("/api/v1/projects/lab/users/" + id + "/profile");
        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(200);
        JsonNode profile = answer.body();
        assertThat(profile.get("user_id").asString()).isEqualTo("login-1");
        assertThat(profile.get("distinct_ids").toString()).isEqualTo("[\"login-1\",\"anon-1\"]");
        assertThat(profile.get("updated_at").asString()).isEqualTo("2023-11-14T22:13:25Z");
        JsonNode properties = profile.get("properties");
        assertThat(properties.propertyNames())
            .containsExactly("city", "first_channel", "invest_count", "invested", "products");
        assertThat(properties.get("city").asString()).isEqualTo("上海");
        assertThat(properties.get("first_channel").asString()).isEqualTo("ads");
        assertThat(properties.get("invest_count").asLong()).isEqualTo(3);
        assertThat(properties.get("invested").decimalValue()).isEqualByComparingTo("101.00");
        assertThat(properties.get("products").toString()).isEqualTo("[\"稳盈-90天\",\"稳盈-90天\"]");
      }
      JsonNode sequence = http.get("/api/v1/projects/lab/users/anon-1/events").body();
      assertThat(sequence.get("profile").get("invest_count").asLong()).isEqualTo(3);

      for (String id : new String[] {"bob", "nobody"}) {
        JsonHttp.Response missing = http.get("/api/v1/projects/lab/users/" + id + "/profile");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.contentType()).startsWith("application/problem+json");
        assertThat(missing.body().get("type").asString())
            .isEqualTo("https://sextant.dev/problems/profile-not-found");
      }
    }
  }
}
