package dev.sextant.query.segments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sextant.query.model.EventCriteria;
import dev.sextant.query.model.EventWindow;
import dev.sextant.query.model.Filter;
import dev.sextant.query.model.Frequency;
import dev.sextant.query.model.Frequency.Threshold;
import dev.sextant.query.model.InvalidQueryException;
import dev.sextant.query.model.Literal;
import dev.sextant.query.model.Operator;
import dev.sextant.query.model.SegmentRule;
import dev.sextant.query.model.TimeRange;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.json.JsonMapper;

class SegmentRequestsTest {

  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private static SegmentRule read(String json) {
    return SegmentRequests.rule(JSON.readTree(json), "rule", SHANGHAI);
  }

  @Test
  void readsEveryConditionKindAndWindow() {
    SegmentRule rule =
        read(
            """
            {"all": [
              {"first_did": {"events": ["SignUp"]}, "within": {"from": "2017-01-01", "to": "2017-01-31"}},
              {"any": [
                {"did": {"events": ["View"], "filter": {"property": "page_id", "op": "eq", "values": ["credit_report"]}},
                 "within": {"last_days": 30}, "times": {"at_least": 2}},
                {"did_not": {"events": ["Invest"]},
                 "sum": {"property": "amount", "more_than": 1000.5}}]}]}
            """);
    TimeRange january =
        new TimeRange(LocalDate.of(2017, 1, 1), LocalDate.of(2017, 1, 31), SHANGHAI);
    assertThat(rule)
        .isEqualTo(
            SegmentRule.all(
                new SegmentRule.FirstDid(
                    EventCriteria.named("SignUp"), EventWindow.between(january)),
                SegmentRule.any(
                    new SegmentRule.Behaviour(
                        true,
                        EventCriteria.named("View")
                            .where(
                                Filter.where("page_id", Operator.EQ, Literal.of("credit_report"))),
                        EventWindow.lastDays(30),
                        new Frequency.Count(Threshold.AT_LEAST, 2)),
                    new SegmentRule.Behaviour(
                        false,
                        EventCriteria.named("Invest"),
                        EventWindow.ever(),
                        new Frequency.Sum(
                            "amount", Threshold.MORE_THAN, new BigDecimal("1000.5"))))));
  }

  @Test
  void plainDidIsAtLeastOnceEver() {
    assertThat(read("{\"did\": {}}"))
        .isEqualTo(SegmentRule.did(EventCriteria.anyEvent(), EventWindow.ever()));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "[]| rule",
        "{}| rule",
        "{\"all\": 3}| rule.all",
        "{\"any\": []}| rule.rules",
        "{\"all\": [{\"did\": 1}]}| rule.all[0].did",
        "{\"did\": {}, \"within\": {\"last_days\": 0}}| rule.within.days",
        "{\"did\": {}, \"within\": {\"from\": \"2017-02-01\", \"to\": \"2017-01-01\"}}| rule.within.to",
        "{\"did\": {}, \"within\": {\"from\": \"2017-13-01\", \"to\": \"2017-01-01\"}}| rule.within.from",
        "{\"did\": {}, \"times\": {\"at_least\": -1}}| rule.times.times",
        "{\"did\": {}, \"times\": {\"at_least\": 1, \"at_most\": 3}}| rule.times",
        "{\"did\": {}, \"times\": {\"at_least\": 1.5}}| rule.times.at_least",
        "{\"did\": {}, \"times\": {\"at_least\": 1}, \"sum\": {}}| rule",
        "{\"did\": {}, \"sum\": {\"property\": \"amount\", \"at_least\": \"x\"}}| rule.sum.at_least",
        "{\"did\": {}, \"sum\": {\"at_least\": 1}}| rule.sum",
        "{\"did\": {\"events\": [\"\"]}}| events[0]",
      })
  void refusesWithTheFieldsPath(String json, String field) {
    assertThatThrownBy(() -> read(json))
        .isInstanceOf(InvalidQueryException.class)
        .extracting(e -> ((InvalidQueryException) e).field())
        .isEqualTo(field);
  }

  @Test
  void aRefusalFromTheModelKeepsItsMessageOnce() {
    assertThatThrownBy(() -> read("{\"did\": {}, \"within\": {\"last_days\": 0}}"))
        .hasMessage("rule.within.days: must be 1 to 3660");
  }
}
