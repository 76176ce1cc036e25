package dev.sextant.server.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.sextant.server.TestServer;
import dev.sextant.testsupport.http.JsonHttp;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Retention on the all-in-one server: with the demo project kept for one month, the scheduled job
 * drops the demo's simulated 2017 and keeps what arrived this month.
 */
class RetentionIT {

  @TempDir Path dataDir;

  @Test
  void dropsTheMonthsPastTheProjectsRetentionAndKeepsThisMonth() {
    try (TestServer server =
        TestServer.start(
            dataDir,
            "--sextant.demo.users=20",
            "--sextant.demo.first-day=2017-01-01",
            "--sextant.retention.projects.demo.keep-months=1",
            "--sextant.retention.initial-delay=2s",
            "--sextant.retention.check-interval=1s")) {
      JsonHttp admin = server.admin();
      long now = System.currentTimeMillis();
      JsonHttp.Response posted =
          admin.post(
              "/api/v1/events?project=demo",
              """
              [{"type":"track","event":"$pageview","distinct_id":"kept-1","time":%d,
                "properties":{"$url":"https://example.cn/"}}]
              """
                  .formatted(now));
      assertThat(posted.body().get("accepted").asInt()).as("%s", posted.body()).isEqualTo(1);

      await()
          .atMost(Duration.ofSeconds(60))
          .untilAsserted(() -> assertThat(events(admin, "2017-01-01", "2017-12-31")).isZero());
      LocalDate today = LocalDate.now(ZoneOffset.UTC);
      assertThat(events(admin, today.minusDays(1).toString(), today.plusDays(1).toString()))
          .isEqualTo(1);
    }
  }

  private static long events(JsonHttp admin, String from, String to) {
    JsonHttp.Response answer =
        admin.post(
            "/api/v1/projects/demo/analyses/events",
            """
            {"metrics": [{"events": [], "measure": "events"}],
             "from": "%s", "to": "%s", "granularity": "total"}
            """
                .formatted(from, to));
    assertThat(answer.status()).as("%s", answer.body()).isEqualTo(200);
    return answer.body().get("current").get(0).get("points").get(0).get("value").asLong();
  }
}
