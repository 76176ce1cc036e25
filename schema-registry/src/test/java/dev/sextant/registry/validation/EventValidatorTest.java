package dev.sextant.registry.validation;

import static dev.sextant.registry.plan.TrackingPlans.aPlan;
import static dev.sextant.registry.plan.TrackingPlans.aProperty;
import static dev.sextant.registry.plan.TrackingPlans.anEvent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.sextant.event.QuarantineCode;
import dev.sextant.event.QuarantineReason;
import dev.sextant.registry.plan.PiiClass;
import dev.sextant.registry.plan.PropertyType;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class EventValidatorTest {

  private final EventValidator validator =
      EventValidator.compile(
          aPlan("demo")
              .event("P2P_Invest", "amount!", "product_id!", "coupon_used", "tags", "day", "at")
              .property("amount", PropertyType.NUMBER)
              .property("product_id", PropertyType.STRING)
              .property("coupon_used", PropertyType.BOOL)
              .property("tags", PropertyType.LIST)
              .property("day", PropertyType.DATE)
              .property("at", PropertyType.DATETIME)
              .build());

  @Test
  void acceptsAnEventThatFollowsThePlan() {
    assertThat(validator.validate("P2P_Invest", Map.of("amount", 1000L, "product_id", "p-7")))
        .isEmpty();
  }

  @Test
  void acceptsPresetPropertiesWithoutDeclaringThem() {
    assertThat(
            validator.validate(
                "P2P_Invest",
                Map.of("amount", 1L, "product_id", "p", "$os", "iOS", "$screen_width", 1170L)))
        .isEmpty();
  }

  @Test
  void rejectsAnEventNotInThePlan() {
    assertThat(validator.validate("P2P_Withdraw", Map.of()))
        .extracting(QuarantineReason::code, QuarantineReason::path)
        .containsExactly(tuple(QuarantineCode.UNKNOWN_EVENT, "event"));
  }

  @Test
  void listsEveryProblemOfARecordAtOnce() {
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("amount", "1000");
    properties.put("referrer_code", "x");
    List<QuarantineReason> reasons = validator.validate("P2P_Invest", properties);
    assertThat(reasons)
        .extracting(QuarantineReason::code, QuarantineReason::path)
        .containsExactlyInAnyOrder(
            tuple(QuarantineCode.MISSING_REQUIRED_PROPERTY, "properties.product_id"),
            tuple(QuarantineCode.TYPE_MISMATCH, "properties.amount"),
            tuple(QuarantineCode.UNKNOWN_PROPERTY, "properties.referrer_code"));
  }

  @Test
  void explainsATypeMismatchWithTheExpectedTypeAndTheValue() {
    List<QuarantineReason> reasons =
        validator.validate("P2P_Invest", Map.of("amount", "1000", "product_id", "p"));
    assertThat(reasons)
        .singleElement()
        .extracting(QuarantineReason::message)
        .isEqualTo("property 'amount' must be a number, got the string \"1000\"");
  }

  @Test
  void rejectsAPresetPropertyOfTheWrongType() {
    assertThat(
            validator.validate(
                "P2P_Invest", Map.of("amount", 1L, "product_id", "p", "$wifi", "yes")))
        .extracting(QuarantineReason::code)
        .containsExactly(QuarantineCode.TYPE_MISMATCH);
  }

  static Stream<Arguments> valuesByType() {
    return Stream.of(
        Arguments.of("amount", 5L, true),
        Arguments.of("amount", new BigDecimal("5.25"), true),
        Arguments.of("amount", "5", false),
        Arguments.of("amount", true, false),
        Arguments.of("product_id", "p-1", true),
        Arguments.of("product_id", 1L, false),
        Arguments.of("coupon_used", false, true),
        Arguments.of("coupon_used", "false", false),
        Arguments.of("tags", List.of("a", "b"), true),
        Arguments.of("tags", List.of(), true),
        Arguments.of("tags", List.of("a", 1L), false),
        Arguments.of("tags", "a", false),
        Arguments.of("day", "2017-01-31", true),
        Arguments.of("day", "2017-02-30", false),
        Arguments.of("day", "2017/01/31", false),
        Arguments.of("at", "2017-01-31 23:59:59", true),
        Arguments.of("at", "2017-01-31 23:59:59.123", true),
        Arguments.of("at", "2017-01-31T23:59:59", false),
        Arguments.of("at", 1485878399000L, false));
  }

  @ParameterizedTest(name = "{0} = {1} conforms: {2}")
  @MethodSource("valuesByType")
  void checksEachPropertyTypeInTheFormsSdksSend(String property, Object value, boolean conforms) {
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("amount", 1L);
    properties.put("product_id", "p");
    properties.put(property, value);
    assertThat(validator.validate("P2P_Invest", properties).isEmpty()).isEqualTo(conforms);
  }

  /** A plan with every kind of constraint, on one event. */
  private final EventValidator constrained =
      EventValidator.compile(
          aPlan("demo")
              .line("p2p", "P2P_")
              .event(
                  anEvent("P2P_InvestSuccess")
                      .in("p2p")
                      .with(
                          "amount!",
                          "term_days",
                          "annual_rate",
                          "result",
                          "product_name",
                          "tags",
                          "risk_level",
                          "product_id",
                          "product_id_number"))
              .event(anEvent("P2P_Redeem").in("p2p").with("amount!"))
              .property(aProperty("amount", PropertyType.NUMBER).min("0.01").max("1000000"))
              .property(aProperty("term_days", PropertyType.NUMBER).min("1").max("3650"))
              .property(aProperty("annual_rate", PropertyType.NUMBER).min("0").max("36"))
              .property(
                  aProperty("result", PropertyType.STRING)
                      .values("success", "fail")
                      .deprecatedValue("timeout"))
              .property(aProperty("product_name", PropertyType.STRING).maxLength(6))
              .property(aProperty("tags", PropertyType.LIST).values("new", "vip").maxLength(3))
              .property(aProperty("risk_level", PropertyType.NUMBER).values("1", "2", "3"))
              .property(aProperty("product_id", PropertyType.STRING))
              .property(aProperty("product_id_number", PropertyType.NUMBER))
              .property(aProperty("id_card_number", PropertyType.STRING).pii(PiiClass.FORBIDDEN))
              .property(aProperty("platform_type", PropertyType.STRING).common().values("iOS"))
              .build());

  static Stream<Arguments> valuesByConstraint() {
    return Stream.of(
        Arguments.of("amount", new BigDecimal("0.01"), null),
        Arguments.of("amount", new BigDecimal("0.001"), QuarantineCode.OUT_OF_RANGE),
        Arguments.of("amount", 0L, QuarantineCode.OUT_OF_RANGE),
        Arguments.of("amount", 1_000_000L, null),
        Arguments.of("amount", new BigDecimal("1000000.00"), null),
        Arguments.of("amount", new BigDecimal("1000000.01"), QuarantineCode.OUT_OF_RANGE),
        Arguments.of("amount", 1_000_001L, QuarantineCode.OUT_OF_RANGE),
        Arguments.of("amount", Long.MIN_VALUE, QuarantineCode.OUT_OF_RANGE),
        Arguments.of("amount", 5, null),
        Arguments.of("amount", 5.5d, null),
        Arguments.of("amount", Double.NaN, QuarantineCode.TYPE_MISMATCH),
        Arguments.of("amount", -0.5d, QuarantineCode.OUT_OF_RANGE),
        Arguments.of("term_days", 1L, null),
        Arguments.of("term_days", 3650L, null),
        Arguments.of("term_days", 3651L, QuarantineCode.OUT_OF_RANGE),
        Arguments.of("term_days", new BigDecimal("0.5"), QuarantineCode.OUT_OF_RANGE),
        Arguments.of("annual_rate", new BigDecimal("8.5"), null),
        Arguments.of("annual_rate", new BigDecimal("8.12345678"), null),
        Arguments.of("annual_rate", new BigDecimal("8.123456780"), null),
        Arguments.of("annual_rate", new BigDecimal("8.123456789"), QuarantineCode.OUT_OF_RANGE),
        Arguments.of("product_id_number", new BigDecimal("1E+30"), QuarantineCode.OUT_OF_RANGE),
        Arguments.of(
            "product_id_number", new BigDecimal("999999999999999999999999999999.99999999"), null),
        Arguments.of("annual_rate", new BigDecimal("-0.1"), QuarantineCode.OUT_OF_RANGE),
        Arguments.of("annual_rate", "8.5%", QuarantineCode.TYPE_MISMATCH),
        Arguments.of("result", "success", null),
        Arguments.of("result", "timeout", null),
        Arguments.of("result", "Success", QuarantineCode.NOT_IN_ENUM),
        Arguments.of("result", "", QuarantineCode.NOT_IN_ENUM),
        Arguments.of("result", true, QuarantineCode.TYPE_MISMATCH),
        Arguments.of("product_name", "稳盈90天", null),
        Arguments.of("product_name", "稳盈-90天", null),
        Arguments.of("product_name", "稳盈-180天", QuarantineCode.TOO_LONG),
        Arguments.of("product_name", "😀😀😀😀😀😀", null),
        Arguments.of("product_name", "😀😀😀😀😀😀😀", QuarantineCode.TOO_LONG),
        Arguments.of("tags", List.of("new", "vip"), null),
        Arguments.of("tags", List.of(), null),
        Arguments.of("tags", List.of("new", "old"), QuarantineCode.NOT_IN_ENUM),
        Arguments.of("tags", List.of("new", 1L), QuarantineCode.TYPE_MISMATCH),
        Arguments.of("risk_level", 2L, null),
        Arguments.of("risk_level", new BigDecimal("2.0"), null),
        Arguments.of("risk_level", new BigDecimal("2.5"), QuarantineCode.NOT_IN_ENUM),
        Arguments.of("risk_level", 4L, QuarantineCode.NOT_IN_ENUM),
        Arguments.of("id_card_number", "110101199003071234", QuarantineCode.FORBIDDEN_PROPERTY),
        Arguments.of("platform_type", "iOS", null),
        Arguments.of("platform_type", "Symbian", QuarantineCode.NOT_IN_ENUM),
        Arguments.of("$os", "Android", null),
        Arguments.of("$screen_width", 1080L, null),
        Arguments.of("$is_first_day", "true", QuarantineCode.TYPE_MISMATCH),
        Arguments.of("referrer", "x", QuarantineCode.UNKNOWN_PROPERTY));
  }

  @ParameterizedTest(name = "{0} = {1} gives {2}")
  @MethodSource("valuesByConstraint")
  void checksEnumsBoundsLengthsAndPii(String property, Object value, QuarantineCode expected) {
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("amount", 100L);
    properties.put(property, value);

    List<QuarantineReason> reasons = constrained.validate("P2P_InvestSuccess", properties);

    if (expected == null) {
      assertThat(reasons).isEmpty();
    } else {
      assertThat(reasons)
          .extracting(QuarantineReason::code, QuarantineReason::path)
          .containsExactly(tuple(expected, "properties." + property));
    }
  }

  static Stream<Arguments> explanations() {
    return Stream.of(
        Arguments.of("amount", 0L, "property 'amount' must be between 0.01 and 1000000, got 0"),
        Arguments.of(
            "result", "ok", "property 'result' must be one of success, fail, timeout; got \"ok\""),
        Arguments.of(
            "product_name",
            "稳盈-180天",
            "property 'product_name' may have at most 6 characters, got 7"),
        Arguments.of(
            "id_card_number",
            "110101199003071234",
            "property 'id_card_number' must never be collected (PII class FORBIDDEN)"));
  }

  @ParameterizedTest(name = "{0} = {1}")
  @MethodSource("explanations")
  void explainsEachViolationWithoutEchoingForbiddenValues(
      String property, Object value, String message) {
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("amount", 1L);
    properties.put(property, value);
    assertThat(constrained.validate("P2P_InvestSuccess", properties))
        .extracting(QuarantineReason::message)
        .containsExactly(message);
  }

  @Test
  void allowsOnlyTheEventsOwnPropertiesBesidesCommonAndPresetOnes() {
    assertThat(
            constrained.validate(
                "P2P_Redeem", Map.of("amount", 1L, "platform_type", "iOS", "$os", "iOS")))
        .isEmpty();
    assertThat(constrained.validate("P2P_Redeem", Map.of("amount", 1L, "term_days", 30L)))
        .extracting(QuarantineReason::code, QuarantineReason::message)
        .containsExactly(
            tuple(
                QuarantineCode.UNKNOWN_PROPERTY,
                "property 'term_days' is not listed for event 'P2P_Redeem' in the tracking plan"));
  }

  @Test
  void knowsPresetEventsOutOfTheBox() {
    assertThat(
            constrained.validate(
                "$AppStart", Map.of("$is_first_time", true, "$resume_from_background", false)))
        .isEmpty();
    assertThat(constrained.validate("$AppStart", Map.of("term_days", 30L)))
        .extracting(QuarantineReason::code)
        .containsExactly(QuarantineCode.UNKNOWN_PROPERTY);
    assertThat(constrained.validate("$AppLaunch", Map.of()))
        .extracting(QuarantineReason::code)
        .containsExactly(QuarantineCode.UNKNOWN_EVENT);
  }

  @Test
  void treatsARequiredPropertySentAsNullAsMissing() {
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("amount", null);

    assertThat(constrained.validate("P2P_Redeem", properties))
        .extracting(QuarantineReason::code)
        .containsExactly(QuarantineCode.MISSING_REQUIRED_PROPERTY);
  }

  @Test
  void answersTheSharedVerdictForAConformingRecord() {
    assertThat(constrained.check("P2P_Redeem", Map.of("amount", 1L)))
        .isSameAs(ValidationResult.CONFORMS);
  }
}
