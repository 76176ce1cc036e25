package dev.sextant.store.clickhouse;

import static dev.sextant.store.TrackedEventBuilder.anEvent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sextant.event.TrackedEvent;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;

class ClickHouseEventRowsTest {

  private final ClickHouseEventRows rows = new ClickHouseEventRows();
  private final JsonMapper mapper = JsonMapper.builder().build();

  @Test
  void writesOneJsonObjectPerLineInTheColumnsOfTheTable() {
    TrackedEvent event =
        anEvent()
            .inProject("demo")
            .named("P2P_Invest")
            .by("u1")
            .at("2026-11-23T02:03:04.567Z")
            .withInsertId("i-1")
            .withTrackId(42L)
            .with("product_name", "稳健")
            .build();

    String written = new String(rows.writeEvents(List.of(event, event)), StandardCharsets.UTF_8);

    String line =
        "{\"project\":\"demo\",\"event\":\"P2P_Invest\",\"distinct_id\":\"u1\","
            + "\"time_ms\":1795399384567,\"event_time\":\"2026-11-23 02:03:04\","
            + "\"event_date\":\"2026-11-23\",\"insert_id\":\"i-1\",\"track_id\":42,"
            + "\"properties\":\"{\\\"product_name\\\":\\\"稳健\\\"}\","
            + "\"received_at_ms\":1795399385567}\n";
    assertThat(written).isEqualTo(line + line);
  }

  @Test
  void readsWhatClickHouseWritesWith64BitIntegersQuoted() {
    String body =
        "{\"project\":\"demo\",\"event\":\"P2P_Invest\",\"distinct_id\":\"u1\","
            + "\"time_ms\":\"1795399384567\",\"insert_id\":\"i-1\",\"track_id\":null,"
            + "\"properties\":\"{\\\"amount\\\":100}\",\"received_at_ms\":\"1795399385567\"}\n";

    assertThat(rows.readEvents(body))
        .containsExactly(
            anEvent()
                .inProject("demo")
                .by("u1")
                .at("2026-11-23T02:03:04.567Z")
                .withInsertId("i-1")
                .with("amount", 100L)
                .build());
  }

  @Test
  void readsNothingFromAnEmptyBody() {
    assertThat(rows.readEvents("")).isEmpty();
    assertThat(rows.readQuarantined("\n")).isEmpty();
  }

  static Stream<Arguments> int64s() {
    return Stream.of(
        Arguments.of("\"0\"", 0L),
        Arguments.of("\"1795399384567\"", 1795399384567L),
        Arguments.of("1795399384567", 1795399384567L),
        Arguments.of("\"-9223372036854775808\"", Long.MIN_VALUE),
        Arguments.of("9223372036854775807", Long.MAX_VALUE));
  }

  @ParameterizedTest
  @MethodSource("int64s")
  void reads64BitIntegersQuotedOrNot(String json, long value) {
    assertThat(ClickHouseEventRows.int64(mapper.readTree(json))).isEqualTo(value);
  }

  @ParameterizedTest
  @ValueSource(strings = {"1.5", "true", "null", "\"12a\"", "\"\"", "9223372036854775808", "{}"})
  void refusesWhatIsNoInt64(String json) {
    assertThatThrownBy(() -> ClickHouseEventRows.int64(mapper.readTree(json)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
