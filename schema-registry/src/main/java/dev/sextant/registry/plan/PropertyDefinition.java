package dev.sextant.registry.plan;

import java.math.BigDecimal;
import java.util.List;

/**
 * A property of the tracking plan, with one type for the whole project, shared by every event that
 * carries it.
 *
 * @param name the property name, e.g. {@code amount}
 * @param displayName the name people read, in zh-CN, e.g. {@code 投资金额}; the name unless set
 * @param displayNameEn the name people read, in English
 * @param description what the value means
 * @param type the one type this property has in the whole project
 * @param unit the unit of a number, e.g. {@code CNY}, {@code day}, {@code %}
 * @param values the allowed values with their labels; empty when any value of the type is allowed.
 *     For a LIST, every element must be one of them.
 * @param maxLength the longest STRING value (or LIST element), in characters; none when unset
 * @param min the smallest NUMBER value, inclusive; none when unset
 * @param max the largest NUMBER value, inclusive; none when unset
 * @param pii how personal the values are; NONE unless set
 * @param collectedBy which side sends it; BOTH unless set
 * @param common whether every event may carry it without listing it (公共属性, an SDK super property
 *     such as {@code platform_type})
 * @param status where it is in its life; ACTIVE unless set
 */
public record PropertyDefinition(
    String name,
    String displayName,
    String displayNameEn,
    String description,
    PropertyType type,
    String unit,
    List<EnumValue> values,
    Integer maxLength,
    BigDecimal min,
    BigDecimal max,
    PiiClass pii,
    CollectedBy collectedBy,
    boolean common,
    DefinitionStatus status) {

  public PropertyDefinition {
    displayName = displayName == null || displayName.isBlank() ? name : displayName;
    values = values == null ? List.of() : List.copyOf(values);
    pii = pii == null ? PiiClass.NONE : pii;
    collectedBy = collectedBy == null ? CollectedBy.BOTH : collectedBy;
    status = status == null ? DefinitionStatus.ACTIVE : status;
  }

  /** An active property with no constraints beyond its type. */
  public PropertyDefinition(String name, String displayName, PropertyType type) {
    this(
        name, displayName, null, null, type, null, null, null, null, null, null, null, false, null);
  }

  /** Whether only listed values are allowed. */
  public boolean hasEnumeratedValues() {
    return !values.isEmpty();
  }

  public PropertyDefinition withStatus(DefinitionStatus newStatus) {
    return new PropertyDefinition(
        name,
        displayName,
        displayNameEn,
        description,
        type,
        unit,
        values,
        maxLength,
        min,
        max,
        pii,
        collectedBy,
        common,
        newStatus);
  }
}
