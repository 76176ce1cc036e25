package dev.sextant.event.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sextant.event.QuarantineCode;
import dev.sextant.event.QuarantineReason;
import dev.sextant.event.QuarantinedRecord;
import dev.sextant.event.TrackedEvent;
import dev.sextant.event.item.ItemOperation;
import dev.sextant.event.item.ItemUpdate;
import dev.sextant.event.profile.ProfileOperation;
import dev.sextant.event.profile.ProfileUpdate;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

class EventJsonTest {

  private final EventJson json = new EventJson();

  private static TrackedEvent anInvestment(Long trackId) {
    return new TrackedEvent(
        "demo",
        "P2P_Invest",
        "用户-42",
        Instant.parse("2017-01-31T15:59:59.123Z"),
        "insert-1",
        trackId,
        Map.of(
            "amount",
            new BigDecimal("10000.50"),
            "term_days",
            90L,
            "coupon_used",
            true,
            "product_id",
            "稳盈 \"90\" 天\n",
            "tags",
            List.of("new", "vip")),
        Instant.parse("2026-11-25T00:00:00.001Z"));
  }

  @Test
  void anEventReadBackEqualsTheEventWritten() {
    TrackedEvent event = anInvestment(-7L);
    assertThat(json.readEvent(json.writeEvent(event))).isEqualTo(event);
  }

  @Test
  void anEventWithoutTrackIdRoundTrips() {
    TrackedEvent event = anInvestment(null);
    assertThat(json.readEvent(json.writeEvent(event))).isEqualTo(event);
  }

  @Test
  void aSignupKeepsTheAnonymousIdItLinks() {
    TrackedEvent signup = anInvestment(null).linking("anonymous-7");
    String written = json.writeEvent(signup);
    assertThat(written).contains("\"original_id\":\"anonymous-7\"");
    assertThat(json.readEvent(written)).isEqualTo(signup);
  }

  @Test
  void anEventThatLinksNothingHasNoOriginalIdField() {
    String written = json.writeEvent(anInvestment(1L));
    assertThat(written).doesNotContain("original_id");
    assertThat(json.readEvent(written).originalId()).isNull();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"n\":12345678901234567890123456789012345678,\"m\":-9223372036854775808}",
        "{\"d\":1e2,\"e\":-0.000000010,\"f\":10000.50,\"z\":0}",
        "{\"s\":\"稳盈 \\\"90\\\" 天\\n\",\"b\":false,\"t\":true}",
        "{\"l\":[\"a\",1,2.5,true],\"empty\":[]}",
        "{}"
      })
  void readsPropertiesAsTheTreeDecodingDoes(String properties) {
    String event =
        """
        {"received_at":2,"properties":%s,"project":"demo","event":"E","distinct_id":"u",\
        "time":1,"unknown":{"nested":[1,{"x":null}]},"insert_id":"i","_track_id":null}\
        """
            .formatted(properties);

    TrackedEvent read = json.readEvent(event);

    assertThat(read.properties()).isEqualTo(json.readPropertyValues(properties));
    assertThat(read.trackId()).isNull();
    assertThat(read.time()).isEqualTo(Instant.ofEpochMilli(1));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"p\":null}",
        "{\"p\":{\"a\":1}}",
        "{\"p\":[[\"a\"]]}",
        "{\"p\":[\"a\",null]}",
        "{\"p\":[{\"a\":1}]}"
      })
  void refusesPropertiesTheTreeDecodingRefuses(String properties) {
    String event =
        """
        {"project":"demo","event":"E","distinct_id":"u","time":1,"insert_id":"i",\
        "properties":%s,"received_at":2}\
        """
            .formatted(properties);

    assertThatThrownBy(() -> json.readEvent(event))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("property p");
    assertThatThrownBy(() -> json.readPropertyValues(properties))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void refusesAnEventWithoutARequiredField() {
    assertThatThrownBy(() ->
            json.readEvent(
                """
                {"project":"demo","event":"E","time":1,"insert_id":"i","properties":{},\
                "received_at":2}\
                """))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("distinct_id");
    assertThatThrownBy(() -> json.readEvent("[1]")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void decimalsKeepTheirDigitsAndIntegersReadAsLong() {
    Map<String, Object> properties =
        json.readProperties("{\"a\":12345678901234567.89,\"b\":1.50,\"c\":3}");
    assertThat(properties)
        .containsEntry("a", new BigDecimal("12345678901234567.89"))
        .containsEntry("b", new BigDecimal("1.50"))
        .containsEntry("c", 3L);
  }

  @Test
  void aQuarantinedRecordRoundTripsWithItsReasons() {
    QuarantinedRecord record =
        new QuarantinedRecord(
            "demo",
            "q-1",
            Instant.parse("2026-11-25T00:00:00Z"),
            List.of(
                new QuarantineReason(QuarantineCode.TYPE_MISMATCH, "properties.amount", "bad"),
                new QuarantineReason(QuarantineCode.UNKNOWN_EVENT, "event", "unknown")),
            "{\"raw\": \"payload\u0000\"}");
    assertThat(json.readQuarantined(json.writeQuarantined(record))).isEqualTo(record);
  }

  @Test
  void anEventNeedsItsIdentity() {
    assertThatThrownBy(() ->
            new TrackedEvent("demo", "E", " ", Instant.EPOCH, "i", null, Map.of(), Instant.EPOCH))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("distinctId must not be blank");
  }

  @Test
  void aQuarantinedRecordNeedsAReason() {
    assertThatThrownBy(() -> new QuarantinedRecord("demo", "q", Instant.EPOCH, List.of(), "{}"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aProfileUpdateReadsBackEqual() {
    for (ProfileOperation operation : ProfileOperation.values()) {
      Map<String, Object> properties =
          switch (operation) {
            case SET, SET_ONCE ->
                Map.of(
                    "name",
                    "张 \"三\"",
                    "vip",
                    true,
                    "level",
                    3L,
                    "balance",
                    new BigDecimal("10000.50"),
                    "tags",
                    List.of("a", "a"));
            case INCREMENT ->
                Map.of(
                    "logins",
                    1L,
                    "spent",
                    new BigDecimal("-0.01"),
                    "huge",
                    new BigDecimal("123456789012345678901234567890"));
            case APPEND -> Map.of("tags", List.of("x", "y"));
            case UNSET -> Map.of("name", true);
            case DELETE -> Map.of();
          };
      ProfileUpdate update =
          new ProfileUpdate(
              "demo",
              "用户-42",
              operation,
              properties,
              Instant.parse("2017-01-31T15:59:59.123Z"),
              "insert-" + operation,
              Instant.parse("2026-11-25T00:00:00.001Z"));

      assertThat(json.readProfileUpdate(json.writeProfileUpdate(update))).isEqualTo(update);
    }
  }

  /**
   * The writer streams; before, it built a tree. The same text must come out, so every reader of
   * the topic (the sink, replays of old records) sees no difference.
   */
  @Test
  void anEventIsWrittenAsTheTreeWroteIt() {
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("amount", new BigDecimal("10000.50"));
    properties.put("tiny", new BigDecimal("1E-7"));
    properties.put("thousand", new BigDecimal("1E+3"));
    properties.put("huge", new BigDecimal("123456789012345678901234567890123456.78"));
    properties.put("zero", new BigDecimal("0.000"));
    properties.put("offset", -480L);
    properties.put("int", 7);
    properties.put("double", 1.5d);
    properties.put("first_day", false);
    properties.put("text", "稳盈 \"90\" 天\n\t\u0001 \u2028 </script> \uD83D\uDE00 \\ é");
    properties.put("empty", "");
    properties.put("tags", List.of("new", "vip"));
    properties.put("mixed", List.of(1L, new BigDecimal("2.50"), true, "x"));
    properties.put("none", List.of());
    TrackedEvent event =
        new TrackedEvent(
            "demo",
            "P2P_Invest",
            "用户-42",
            Instant.parse("2017-01-31T15:59:59.123Z"),
            "insert-1",
            -7L,
            properties,
            Instant.parse("2026-11-25T00:00:00.001Z"));

    for (TrackedEvent written : List.of(event, event.linking("anonymous-7"))) {
      assertThat(json.writeEvent(written)).isEqualTo(asTheTreeWroteIt(written));
      assertThat(new String(json.writeEventUtf8(written), StandardCharsets.UTF_8))
          .isEqualTo(asTheTreeWroteIt(written));
    }
  }

  @Test
  void anEventWithoutPropertiesOrTrackIdIsWrittenExactly() {
    TrackedEvent event =
        new TrackedEvent(
            "demo", "E", "u", Instant.ofEpochMilli(5), "i", null, Map.of("a", 1L), Instant.EPOCH);
    assertThat(json.writeEvent(event))
        .isEqualTo(
            "{\"project\":\"demo\",\"event\":\"E\",\"distinct_id\":\"u\",\"time\":5,"
                + "\"insert_id\":\"i\",\"properties\":{\"a\":1},\"received_at\":0}");
  }

  @Test
  void aProfileUpdateIsWrittenExactly() {
    ProfileUpdate update =
        new ProfileUpdate(
            "demo",
            "用户-42",
            ProfileOperation.INCREMENT,
            Map.of("spent", new BigDecimal("-0.010")),
            Instant.ofEpochMilli(1),
            "i",
            Instant.ofEpochMilli(2));
    assertThat(json.writeProfileUpdateUtf8(update))
        .isEqualTo(json.writeProfileUpdate(update).getBytes(StandardCharsets.UTF_8));
    assertThat(json.writeProfileUpdate(update))
        .isEqualTo(
            "{\"project\":\"demo\",\"distinct_id\":\"用户-42\",\"operation\":\"INCREMENT\","
                + "\"time\":1,\"insert_id\":\"i\",\"properties\":{\"spent\":-0.010},"
                + "\"received_at\":2}");
  }

  /** The tree-based writer this class used before it streamed, kept as the reference. */
  private static String asTheTreeWroteIt(TrackedEvent event) {
    JsonMapper mapper =
        JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.USE_LONG_FOR_INTS)
            .build();
    ObjectNode node = mapper.createObjectNode();
    node.put("project", event.project());
    node.put("event", event.event());
    node.put("distinct_id", event.distinctId());
    node.put("time", event.time().toEpochMilli());
    node.put("insert_id", event.insertId());
    if (event.trackId() != null) {
      node.put("_track_id", event.trackId());
    }
    node.set("properties", mapper.valueToTree(event.properties()));
    node.put("received_at", event.receivedAt().toEpochMilli());
    if (event.originalId() != null) {
      node.put("original_id", event.originalId());
    }
    return mapper.writeValueAsString(node);
  }

  @Test
  void anItemUpdateReadsBackEqual() {
    ItemUpdate set =
        new ItemUpdate(
            "demo",
            "product",
            "p-42 \"稳盈\"",
            ItemOperation.SET,
            Map.of(
                "name",
                "稳盈-90天",
                "rate",
                new BigDecimal("4.50"),
                "huge",
                new BigDecimal("123456789012345678901234567890"),
                "term_days",
                90L,
                "on_sale",
                true,
                "tags",
                List.of("p2p", "p2p")),
            Instant.parse("2023-11-14T22:13:20.123Z"),
            "insert-set",
            Instant.parse("2026-11-25T00:00:00.001Z"));
    ItemUpdate delete =
        new ItemUpdate(
            "demo",
            "product",
            "p-42",
            ItemOperation.DELETE,
            Map.of(),
            Instant.parse("2023-11-14T22:13:21Z"),
            "insert-delete",
            Instant.parse("2026-11-25T00:00:00.002Z"));

    assertThat(json.readItemUpdate(json.writeItemUpdate(set))).isEqualTo(set);
    assertThat(json.readItemUpdate(json.writeItemUpdate(delete))).isEqualTo(delete);
  }
}
