package dev.sextant.registry.plan;

/**
 * One allowed value of an enumerated property.
 *
 * @param value the value as sent, e.g. {@code success}; for a NUMBER property an integer in decimal
 * @param label what people read, in zh-CN, e.g. {@code 成功}
 * @param labelEn what people read, in English
 * @param deprecated whether the value is on its way out: still accepted, and only a deprecated
 *     value may be removed from an active property
 */
public record EnumValue(String value, String label, String labelEn, boolean deprecated) {

  /** An allowed value with a zh-CN label. */
  public static EnumValue of(String value, String label) {
    return new EnumValue(value, label, null, false);
  }
}
