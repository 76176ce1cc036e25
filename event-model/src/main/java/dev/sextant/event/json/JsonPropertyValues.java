package dev.sextant.event.json;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Turns a JSON property value into the Java value the validator and the stores expect: the one
 * decoding shared by the collector and the registry's validation endpoint, so that a sample event
 * is judged exactly as a collected one.
 */
public final class JsonPropertyValues {

  /**
   * The most digits a number may have on either side of the decimal point: 38 is the precision of
   * the widest decimal both stores hold. It also stops {@code 1e999999999}, which is short to send
   * but would be a billion characters once written out.
   */
  public static final int MAX_DIGITS = 38;

  private JsonPropertyValues() {}

  /** True for a number, or a list holding one, beyond {@link #MAX_DIGITS}. */
  public static boolean isOutOfRange(JsonNode node) {
    if (node.isArray()) {
      for (JsonNode element : node) {
        if (isOutOfRange(element)) {
          return true;
        }
      }
      return false;
    }
    if (!node.isNumber() || (node.isIntegralNumber() && node.canConvertToLong())) {
      return false;
    }
    BigDecimal value = node.decimalValue();
    return value.precision() - value.scale() > MAX_DIGITS || value.scale() > MAX_DIGITS;
  }

  /** The value, or null when JSON null, an object, or a list holding anything but values. */
  public static Object decode(JsonNode node) {
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
