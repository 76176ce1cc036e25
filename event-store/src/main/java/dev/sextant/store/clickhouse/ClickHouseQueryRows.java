package dev.sextant.store.clickhouse;

import dev.sextant.store.QueryRows;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a {@code JSONCompact} answer (sent with {@code output_format_json_quote_64bit_integers=0})
 * into {@link QueryRows}: integers become Long, decimals BigDecimal, arrays lists.
 */
final class ClickHouseQueryRows {

  private final JsonMapper mapper =
      JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

  QueryRows read(String jsonCompact) {
    JsonNode answer = mapper.readTree(jsonCompact);
    List<String> columns = new ArrayList<>();
    for (JsonNode column : answer.required("meta")) {
      columns.add(column.required("name").asString());
    }
    List<List<Object>> rows = new ArrayList<>();
    for (JsonNode row : answer.required("data")) {
      List<Object> values = new ArrayList<>(columns.size());
      for (JsonNode value : row) {
        values.add(value(value));
      }
      rows.add(values);
    }
    return new QueryRows(columns, rows);
  }

  private static Object value(JsonNode node) {
    if (node.isNull()) {
      return null;
    }
    if (node.isIntegralNumber()) {
      return node.longValue();
    }
    if (node.isNumber()) {
      return node.decimalValue();
    }
    if (node.isBoolean()) {
      return node.booleanValue();
    }
    if (node.isArray()) {
      List<Object> list = new ArrayList<>(node.size());
      for (JsonNode element : node) {
        list.add(value(element));
      }
      return list;
    }
    return node.asString();
  }
}
