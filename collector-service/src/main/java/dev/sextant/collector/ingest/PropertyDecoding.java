package dev.sextant.collector.ingest;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** Turns a JSON property value into the Java value the validator and the stores expect. */
final class PropertyDecoding {

  private PropertyDecoding() {}

  /** The value, or null when JSON null, an object, or a list holding anything but values. */
  static Object decode(JsonNode node) {
    if (node.isString()) {
      return node.asString();
    }
    if (node.isBoolean()) {
      return node.asBoolean();
    }
    if (node.isIntegralNumber() && node.canConvertToLong()) {
      return node.asLong();
    }
    if (node.isNumber()) {
      // Keep the decimal as sent: amounts of money must not pick up binary rounding.
      return node.decimalValue();
    }
    if (node.isArray()) {
      return decodeList(node);
    }
    return null;
  }

  private static List<Object> decodeList(JsonNode array) {
    List<Object> values = new ArrayList<>();
    for (JsonNode element : array) {
      Object value = element.isArray() ? null : decode(element);
      if (value == null) {
        return null;
      }
      values.add(value);
    }
    return values;
  }
}
