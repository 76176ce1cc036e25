package dev.sextant.query.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sextant.query.model.EventAnalysis;
import dev.sextant.query.model.EventCriteria;
import dev.sextant.query.model.InvalidQueryException;
import dev.sextant.query.model.Measure;
import dev.sextant.query.model.Metric;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The named metrics of event analysis: PV, UV, DAU/WAU/MAU, active, new and registered users. */
class MetricShortcutsTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final BusinessLineEvents LINES =
      line -> Optional.ofNullable(Map.of("p2p", List.of("P2P_Invest", "P2P_Register")).get(line));

  private static EventAnalysis read(String metrics, String granularity) {
    String body =
        """
        {"metrics": %s, "from": "2017-01-01", "to": "2017-01-31", "granularity": "%s"}
        """
            .formatted(metrics, granularity);
    return (EventAnalysis)
        AnalysisRequests.read("events", JSON.readTree(body), ZoneId.of("Asia/Shanghai"), LINES);
  }

  private static Metric only(String metric, String granularity) {
    return read("[" + metric + "]", granularity).metrics().getFirst();
  }

  @Test
  void pageViewsAndVisitorsCountTheSdksPageEvents() {
    assertThat(only("{\"shortcut\": \"pv\"}", "day"))
        .isEqualTo(new Metric(Metric.PAGE_VIEWS, new Measure.EventCount()));
    assertThat(only("{\"shortcut\": \"uv\"}", "day"))
        .isEqualTo(new Metric(Metric.PAGE_VIEWS, new Measure.UserCount()));
  }

  @Test
  void dailyWeeklyAndMonthlyActiveUsersNeedTheirGranularity() {
    assertThat(only("{\"shortcut\": \"dau\"}", "day")).isEqualTo(Metric.activeUsers());
    assertThat(only("{\"shortcut\": \"wau\"}", "week")).isEqualTo(Metric.activeUsers());
    assertThat(only("{\"shortcut\": \"mau\"}", "month")).isEqualTo(Metric.activeUsers());

    assertThatThrownBy(() -> read("[{\"shortcut\": \"pv\"}, {\"shortcut\": \"mau\"}]", "day"))
        .isInstanceOfSatisfying(
            InvalidQueryException.class,
            e -> {
              assertThat(e.field()).isEqualTo("metrics[1].shortcut");
              assertThat(e.getMessage()).contains("granularity month");
            });
  }

  @Test
  void activeUsersOfOneBusinessLineCountItsEventsOnly() {
    assertThat(only("{\"shortcut\": \"active_users\", \"business_line\": \"p2p\"}", "week"))
        .isEqualTo(
            new Metric(EventCriteria.named("P2P_Invest", "P2P_Register"), new Measure.UserCount()));
    assertThatThrownBy(
            () -> only("{\"shortcut\": \"active_users\", \"business_line\": \"bonds\"}", "day"))
        .isInstanceOfSatisfying(
            InvalidQueryException.class,
            e -> assertThat(e.field()).isEqualTo("metrics[0].business_line"));
  }

  @Test
  void newAndRegisteredUsers() {
    assertThat(only("{\"shortcut\": \"new_users\"}", "day")).isEqualTo(Metric.newUsers());
    assertThat(only("{\"shortcut\": \"registered_users\"}", "day"))
        .isEqualTo(new Metric(EventCriteria.named("$SignUp"), new Measure.UserCount()));
    assertThat(only("{\"shortcut\": \"registered_users\", \"events\": [\"SignUp\"]}", "day"))
        .as("a project whose sign-up is its own event")
        .isEqualTo(new Metric(EventCriteria.named("SignUp"), new Measure.UserCount()));
  }

  @Test
  void refusesUnknownShortcutsAndAMeasureBesideOne() {
    assertThatThrownBy(() -> only("{\"shortcut\": \"arpu\"}", "day"))
        .isInstanceOfSatisfying(
            InvalidQueryException.class,
            e -> assertThat(e.field()).isEqualTo("metrics[0].shortcut"));
    assertThatThrownBy(() -> only("{\"shortcut\": \"uv\", \"measure\": \"events\"}", "day"))
        .isInstanceOfSatisfying(
            InvalidQueryException.class,
            e -> assertThat(e.field()).isEqualTo("metrics[0].measure"));
  }
}
