package dev.sextant.collector.pii;

import dev.sextant.event.QuarantineCode;
import dev.sextant.event.QuarantineReason;
import dev.sextant.registry.plan.PiiClass;
import dev.sextant.registry.plan.PropertyDefinition;
import dev.sextant.registry.plan.TrackingPlan;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * What the plan's PII classes do to values before anything is stored: MASK keeps a masked text
 * ({@link Masking}), HASH a keyed hash ({@link KeyedHash}); FORBIDDEN values are never kept (the
 * validator quarantines their records, and {@link #redact} removes the value from the quarantined
 * copy). Compiled once per plan version; the hash key is asked for only when a value needs it.
 */
public final class PiiProtection {

  /** What a FORBIDDEN value is replaced with in a quarantined record. */
  public static final String REMOVED = "[removed: PII class FORBIDDEN]";

  /** A plan with no personal properties: changes nothing. */
  public static final PiiProtection NONE = new PiiProtection(Map.of(), () -> new byte[32]);

  private final Map<String, PiiClass> classes;
  private final Supplier<byte[]> hashKey;
  private volatile KeyedHash hash;

  private PiiProtection(Map<String, PiiClass> classes, Supplier<byte[]> hashKey) {
    this.classes = classes;
    this.hashKey = hashKey;
  }

  /**
   * @param hashKey the project's hash key, asked for once, when the first HASH value arrives
   */
  public static PiiProtection of(TrackingPlan plan, Supplier<byte[]> hashKey) {
    Map<String, PiiClass> classes = new HashMap<>();
    for (PropertyDefinition property : plan.properties()) {
      if (property.name() != null && property.pii() != PiiClass.NONE) {
        classes.put(property.name(), property.pii());
      }
    }
    return classes.isEmpty() ? NONE : new PiiProtection(Map.copyOf(classes), hashKey);
  }

  /** Whether the plan has any personal property at all. */
  public boolean isEmpty() {
    return classes.isEmpty();
  }

  /**
   * Why {@code properties} may not be kept: one {@code FORBIDDEN_PROPERTY} reason per property of
   * class FORBIDDEN, in the map's order. For the records the event validator does not see (profile
   * updates, items), which must be quarantined as an event carrying them would be.
   */
  public List<QuarantineReason> forbiddenIn(Map<String, Object> properties) {
    return properties.keySet().stream()
        .filter(name -> classes.get(name) == PiiClass.FORBIDDEN)
        .map(name ->
            new QuarantineReason(
                QuarantineCode.FORBIDDEN_PROPERTY,
                "properties." + name,
                "property '" + name + "' must never be collected (PII class FORBIDDEN)"))
        .toList();
  }

  /**
   * The properties as they may be stored: MASK and HASH values (and the elements of such lists)
   * transformed. The same map when nothing is personal.
   */
  public Map<String, Object> protect(Map<String, Object> properties) {
    if (classes.isEmpty() || properties.keySet().stream().noneMatch(this::isTransformed)) {
      return properties;
    }
    Map<String, Object> protectedProperties = new LinkedHashMap<>(properties);
    protectedProperties.replaceAll(
        (name, value) -> isTransformed(name) ? transform(classes.get(name), value) : value);
    return protectedProperties;
  }

  /**
   * A record as it may be kept in quarantine: its {@code properties} protected as they would be
   * when stored, and FORBIDDEN values removed. Records without a {@code properties} object are
   * returned as they are.
   */
  public JsonNode redact(JsonNode record) {
    if (classes.isEmpty()
        || !(record instanceof ObjectNode object)
        || !(object.get("properties") instanceof ObjectNode properties)
        || properties.propertyNames().stream().noneMatch(classes::containsKey)) {
      return record;
    }
    ObjectNode copy = object.deepCopy();
    ObjectNode copied = (ObjectNode) copy.get("properties");
    for (String name : List.copyOf(copied.propertyNames())) {
      PiiClass pii = classes.get(name);
      if (pii != null) {
        copied.set(name, redacted(pii, copied.get(name)));
      }
    }
    return copy;
  }

  private boolean isTransformed(String name) {
    PiiClass pii = classes.get(name);
    return pii == PiiClass.MASK || pii == PiiClass.HASH;
  }

  private Object transform(PiiClass pii, Object value) {
    return switch (value) {
      case String text -> transform(pii, text);
      case List<?> list -> {
        List<Object> transformed = new ArrayList<>(list.size());
        list.forEach(element -> transformed.add(transform(pii, element)));
        yield transformed;
      }
      // Other types are refused by the plan rules for MASK and HASH; a null stays a null.
      case null, default -> value;
    };
  }

  private String transform(PiiClass pii, String text) {
    if (pii == PiiClass.MASK) {
      return Masking.mask(text);
    }
    // Idempotent, as masking is: a quarantined copy is already protected, and replaying it must
    // not hash the hash. No clear phone, name or card number looks like 64 hex digits.
    return KeyedHash.looksHashed(text) ? text : keyedHash().hash(text);
  }

  private JsonNode redacted(PiiClass pii, JsonNode value) {
    JsonNodeFactory nodes = JsonNodeFactory.instance;
    if (pii == PiiClass.FORBIDDEN) {
      return nodes.stringNode(REMOVED);
    }
    if (pii == PiiClass.NONE || value == null || value.isNull()) {
      return value;
    }
    if (value instanceof ArrayNode array) {
      ArrayNode copy = nodes.arrayNode();
      array.forEach(element -> copy.add(redacted(pii, element)));
      return copy;
    }
    // Whatever the sender's type (a phone number sent as a number), the clear value is not kept.
    String text = value.isString() ? value.asString() : value.toString();
    return nodes.stringNode(transform(pii, text));
  }

  private KeyedHash keyedHash() {
    KeyedHash known = hash;
    if (known == null) {
      known = new KeyedHash(hashKey.get());
      hash = known;
    }
    return known;
  }
}
