package dev.sextant.registry.validation;

import static dev.sextant.registry.plan.TrackingPlans.aPlan;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.sextant.event.QuarantineCode;
import dev.sextant.event.QuarantineReason;
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
}
