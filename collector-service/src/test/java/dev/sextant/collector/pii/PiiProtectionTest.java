package dev.sextant.collector.pii;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.registry.plan.PiiClass;
import dev.sextant.registry.plan.PropertyDefinition;
import dev.sextant.registry.plan.PropertyType;
import dev.sextant.registry.plan.TrackingPlan;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class PiiProtectionTest {

  /** RFC 4231 test case 2's key: a published key makes the hashes checkable. */
  private static final byte[] KEY = "Jefe".getBytes(java.nio.charset.StandardCharsets.UTF_8);

  private final JsonMapper json = JsonMapper.builder().build();
  private final AtomicInteger keyRequests = new AtomicInteger();
  private final PiiProtection protection =
      PiiProtection.of(
          new TrackingPlan(
              "demo",
              1,
              List.of(),
              List.of(
                  property("phone_number", PropertyType.STRING, PiiClass.HASH),
                  property("real_name", PropertyType.STRING, PiiClass.MASK),
                  property("contacts", PropertyType.LIST, PiiClass.MASK),
                  property("id_card_photo", PropertyType.STRING, PiiClass.FORBIDDEN),
                  property("amount", PropertyType.NUMBER, PiiClass.NONE))),
          () -> {
            keyRequests.incrementAndGet();
            return KEY;
          });

  private static PropertyDefinition property(String name, PropertyType type, PiiClass pii) {
    return new PropertyDefinition(
        name, null, null, null, type, null, null, null, null, null, pii, null, false, null);
  }

  @Test
  void hashesHashValuesWithTheProjectsKeyAsHmacSha256() {
    Map<String, Object> stored =
        protection.protect(Map.of("phone_number", "what do ya want for nothing?"));

    // RFC 4231, test case 2: HMAC-SHA-256("Jefe", "what do ya want for nothing?").
    assertThat(stored.get("phone_number"))
        .isEqualTo("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
  }

  @Test
  void theSameValueAlwaysHashesTheSameSoItCanBeJoined() {
    Object first = protection.protect(Map.of("phone_number", "13812345678")).get("phone_number");
    Object second = protection.protect(Map.of("phone_number", "13812345678")).get("phone_number");
    Object other = protection.protect(Map.of("phone_number", "13812345679")).get("phone_number");

    assertThat(first).isEqualTo(second).isNotEqualTo(other);
    assertThat(keyRequests).as("the key is asked for once").hasValue(1);
  }

  @Test
  void masksMaskValuesAndEveryElementOfAMaskList() {
    Map<String, Object> stored =
        protection.protect(
            Map.of("real_name", "张三丰", "contacts", List.of("13812345678", "13900001111")));

    assertThat(stored)
        .containsEntry("real_name", "张**")
        .containsEntry("contacts", List.of("138****5678", "139****1111"));
  }

  @Test
  void leavesOtherPropertiesAndTheirOrderAlone() {
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("amount", 100);
    properties.put("real_name", "李四");
    properties.put("$os", "iOS");

    Map<String, Object> stored = protection.protect(properties);

    assertThat(stored)
        .containsExactly(
            Map.entry("amount", 100), Map.entry("real_name", "李*"), Map.entry("$os", "iOS"));
  }

  @Test
  void returnsTheSameMapWhenNothingIsPersonal() {
    Map<String, Object> properties = Map.of("amount", 100);

    assertThat(protection.protect(properties)).isSameAs(properties);
    assertThat(keyRequests).as("no key is made for nothing").hasValue(0);
  }

  @Test
  void aPlanWithoutPersonalPropertiesProtectsNothing() {
    PiiProtection none =
        PiiProtection.of(
            new TrackingPlan(
                "demo",
                1,
                List.of(),
                List.of(property("amount", PropertyType.NUMBER, PiiClass.NONE))),
            () -> {
              throw new AssertionError("no key needed");
            });

    assertThat(none.isEmpty()).isTrue();
    assertThat(none).isSameAs(PiiProtection.NONE);
  }

  @Test
  void aQuarantinedCopyKeepsNoForbiddenNorClearPersonalValue() {
    JsonNode record =
        json.readTree(
            """
            {"type":"track","event":"Register","distinct_id":"u1",
             "properties":{"id_card_photo":"base64-of-a-photo","phone_number":13812345678,
                           "real_name":"张三丰","contacts":["13812345678"],"amount":"lots"}}
            """);

    JsonNode kept = protection.redact(record);

    JsonNode properties = kept.get("properties");
    assertThat(properties.get("id_card_photo").asString()).isEqualTo(PiiProtection.REMOVED);
    assertThat(properties.get("phone_number").asString())
        .as("a number sent for a HASH property is hashed as its text")
        .hasSize(64)
        .isEqualTo(protection.protect(Map.of("phone_number", "13812345678")).get("phone_number"));
    assertThat(properties.get("real_name").asString()).isEqualTo("张**");
    assertThat(properties.get("contacts").get(0).asString()).isEqualTo("138****5678");
    assertThat(properties.get("amount").asString()).isEqualTo("lots");
    assertThat(kept.toString()).doesNotContain("13812345678", "base64-of-a-photo", "三丰");
    assertThat(record.toString()).as("the original is not changed").contains("张三丰");
  }

  @Test
  void aRecordWithoutPersonalPropertiesIsKeptAsItCame() {
    JsonNode record = json.readTree("{\"event\":\"X\",\"properties\":{\"amount\":1}}");
    JsonNode notARecord = json.readTree("[1,2]");

    assertThat(protection.redact(record)).isSameAs(record);
    assertThat(protection.redact(notARecord)).isSameAs(notARecord);
  }

  @Test
  void protectingTwiceChangesNothingMoreSoAQuarantinedCopyCanBeReplayed() {
    Map<String, Object> once =
        protection.protect(
            Map.of(
                "phone_number",
                "13812345678",
                "real_name",
                "张三丰",
                "contacts",
                List.of("13900001111")));

    assertThat(protection.protect(once)).isEqualTo(once);
  }

  @Test
  void hashesAreLowercaseHex() {
    String hash = new KeyedHash(HexFormat.of().parseHex("00")).hash("x");

    assertThat(hash).matches("[0-9a-f]{64}");
  }
}
