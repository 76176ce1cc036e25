package dev.sextant.query.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sextant.query.model.FunnelUsers;
import dev.sextant.query.model.FunnelUsers.Outcome;
import dev.sextant.query.model.GroupKey;
import dev.sextant.query.model.InvalidQueryException;
import java.math.BigDecimal;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The funnel drill-down's request: a funnels request plus step, outcome, group and paging. */
class FunnelUsersRequestsTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private static JsonNode body(String extra) {
    return JSON.readTree(
        """
        {"steps": [{"events": ["View"]}, {"events": ["Invest"]}], "window_seconds": 3600,
         "from": "2026-11-01", "to": "2026-11-07", "group_by": "theme" %s}
        """
            .formatted(extra));
  }

  private static FunnelUsers read(String extra) {
    return AnalysisRequests.funnelUsers(body(extra), ZoneId.of("Asia/Shanghai"));
  }

  @Test
  void readsTheFunnelTheStepTheOutcomeAndTheGroupAsTheFunnelsAnswerWritesIt() {
    FunnelUsers users =
        read(", \"step\": 2, \"outcome\": \"dropped\", \"group\": {\"values\": [\"red\"]}");
    assertThat(users.funnel().steps()).hasSize(2);
    assertThat(users.funnel().groupBy()).isEqualTo("theme");
    assertThat(users.step()).isEqualTo(2);
    assertThat(users.outcome()).isEqualTo(Outcome.DROPPED);
    assertThat(users.group()).isEqualTo(GroupKey.of("red"));
  }

  @Test
  void reachedIsTheDefaultOutcomeAndEveryGroupTheDefaultGroup() {
    FunnelUsers users = read(", \"step\": 1");
    assertThat(users.outcome()).isEqualTo(Outcome.REACHED);
    assertThat(users.group()).isNull();
  }

  @Test
  void readsNotSetNumbersAndBooleansAsGroupValues() {
    assertThat(read(", \"step\": 1, \"group\": {\"values\": [null]}").group())
        .isEqualTo(GroupKey.of((Object) null));
    assertThat(read(", \"step\": 1, \"group\": {\"values\": [5.50]}").group())
        .isEqualTo(GroupKey.of(new BigDecimal("5.5")));
    assertThat(read(", \"step\": 1, \"group\": {\"values\": [true]}").group())
        .isEqualTo(GroupKey.of(true));
  }

  @Test
  void refusesAMissingBadOrOutOfRangeStepNamingTheField() {
    for (String step :
        new String[] {"", ", \"step\": \"two\"", ", \"step\": 3", ", \"step\": 1.5"}) {
      assertThatThrownBy(() -> read(step))
          .as(step)
          .isInstanceOfSatisfying(
              InvalidQueryException.class, e -> assertThat(e.field()).isEqualTo("step"));
    }
    assertThatThrownBy(() -> read(", \"step\": 2, \"outcome\": \"left\""))
        .isInstanceOfSatisfying(
            InvalidQueryException.class, e -> assertThat(e.field()).isEqualTo("outcome"));
  }

  @Test
  void readsTheLimitAndTheCursorOfAPage() {
    assertThat(AnalysisRequests.limit(body(""), 1000, 10_000)).isEqualTo(1000);
    assertThat(AnalysisRequests.limit(body(", \"limit\": 50"), 1000, 10_000)).isEqualTo(50);
    assertThat(AnalysisRequests.after(body(""))).isNull();
    assertThat(AnalysisRequests.after(body(", \"after\": \"u42\""))).isEqualTo("u42");
    assertThatThrownBy(() -> AnalysisRequests.limit(body(", \"limit\": 10001"), 1000, 10_000))
        .isInstanceOfSatisfying(
            InvalidQueryException.class, e -> assertThat(e.field()).isEqualTo("limit"));
  }
}
