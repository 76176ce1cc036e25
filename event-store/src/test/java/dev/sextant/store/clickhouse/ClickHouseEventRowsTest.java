package dev.sextant.store.clickhouse;

import static dev.sextant.store.TrackedEventBuilder.anEvent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sextant.event.TrackedEvent;
import dev.sextant.store.ColumnType;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
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

    String written =
        new String(
            rows.writeEvents(List.of(event, event), Map.of("product_name", ColumnType.STRING)),
            StandardCharsets.UTF_8);

    String line =
        "{\"project\":\"demo\",\"event\":\"P2P_Invest\",\"distinct_id\":\"u1\","
            + "\"time_ms\":1795399384567,\"event_time\":\"2026-11-23 02:03:04\","
            + "\"event_date\":\"2026-11-23\",\"insert_id\":\"i-1\",\"track_id\":42,"
            + "\"received_at_ms\":1795399385567,\"product_name\":\"稳健\"}\n";
    assertThat(written).isEqualTo(line + line);
  }

  @Test
  void writesEachTypeInTheFormItsColumnTakes() {
    TrackedEvent event =
        anEvent()
            .with("amount", new BigDecimal("1E+3"))
            .with("ok", true)
            .with("at", "1970-01-01 00:00:01.500")
            .with("day", "1969-12-31")
            .with("tags", List.of("a"))
            .with("none", List.of())
            .build();
    Map<String, ColumnType> columns =
        Map.of(
            "amount", ColumnType.NUMBER,
            "ok", ColumnType.BOOL,
            "at", ColumnType.DATETIME,
            "day", ColumnType.DATE,
            "tags", ColumnType.LIST,
            "none", ColumnType.LIST);

    String written = new String(rows.writeEvents(List.of(event), columns), StandardCharsets.UTF_8);

    JsonNode row = mapper.readTree(written);
    assertThat(row.get("amount").toString()).isEqualTo("1000");
    assertThat(row.get("ok").toString()).isEqualTo("1");
    assertThat(row.get("at").toString()).isEqualTo("1500");
    assertThat(row.get("day").toString()).isEqualTo("-1");
    assertThat(row.get("tags").toString()).isEqualTo("[\"a\"]");
    assertThat(row.has("none")).isFalse();
  }

  @Test
  void readsWhatClickHouseWritesWith64BitIntegersQuoted() {
    String body =
        "{\"project\":\"demo\",\"event\":\"P2P_Invest\",\"distinct_id\":\"u1\","
            + "\"time_ms\":\"1795399384567\",\"event_time\":\"2026-11-23 02:03:04\","
            + "\"event_date\":\"2026-11-23\",\"insert_id\":\"i-1\",\"track_id\":null,"
            + "\"received_at_ms\":\"1795399385567\",\"amount\":100.00000000,"
            + "\"fee\":null,\"tags\":[]}\n";

    assertThat(
            rows.readEvents(
                body,
                Map.of(
                    "amount", ColumnType.NUMBER,
                    "fee", ColumnType.NUMBER,
                    "tags", ColumnType.LIST)))
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
    assertThat(rows.readEvents("", Map.of())).isEmpty();
    assertThat(rows.readQuarantined("\n")).isEmpty();
  }

  @Test
  void tellsWhenARowHasAColumnItDoesNotKnow() {
    String body =
        "{\"project\":\"demo\",\"event\":\"e\",\"distinct_id\":\"u1\",\"time_ms\":1,"
            + "\"insert_id\":\"i\",\"track_id\":null,\"received_at_ms\":1,\"new\":null}\n";

    assertThatThrownBy(() -> rows.readEvents(body, Map.of()))
        .isInstanceOf(ClickHouseEventRows.UnknownColumnException.class);
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
