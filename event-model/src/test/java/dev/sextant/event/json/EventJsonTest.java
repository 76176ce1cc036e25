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
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

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
