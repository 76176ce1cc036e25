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
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** A permissive project accepts unknown data and says what to register; it still checks values. */
class PermissiveValidationTest {

  private final EventValidator validator =
      EventValidator.compile(
          aPlan("demo")
              .permissive()
              .line("p2p", "P2P_")
              .event(anEvent("P2P_Invest").in("p2p").with("amount!"))
              .property(aProperty("amount", PropertyType.NUMBER).min("0"))
              .property(aProperty("result", PropertyType.STRING).values("success", "fail"))
              .property(aProperty("id_card_number", PropertyType.STRING).pii(PiiClass.FORBIDDEN))
              .build());

  @Test
  void acceptsAnUnknownPropertyAndReportsItWithItsInferredType() {
    ValidationResult result =
        validator.check("P2P_Invest", ordered("amount", 1L, "coupon_id", "c-1"));

    assertThat(result.conforms()).isTrue();
    assertThat(result.drafts())
        .contains(
            new DraftRegistration(
                "P2P_Invest",
                false,
                List.of(new DraftProperty("coupon_id", PropertyType.STRING, true))));
  }

  @Test
  void acceptsAnUnknownEventWithItsPropertiesAsDrafts() {
    ValidationResult result =
        validator.check("P2P_Withdraw", ordered("amount", 5L, "result", "success", "fee", 2L));

    assertThat(result.reasons()).isEmpty();
    assertThat(result.drafts())
        .contains(
            new DraftRegistration(
                "P2P_Withdraw",
                true,
                List.of(
                    new DraftProperty("amount", PropertyType.NUMBER, false),
                    new DraftProperty("result", PropertyType.STRING, false),
                    new DraftProperty("fee", PropertyType.NUMBER, true))));
  }

  @Test
  void registersAnUnknownEventWithoutProperties() {
    assertThat(validator.check("Logout", Map.of()).drafts())
        .contains(new DraftRegistration("Logout", true, List.of()));
  }

  @Test
  void linksAPropertyTheProjectDefinesButTheEventDoesNotList() {
    assertThat(validator.check("P2P_Invest", ordered("amount", 1L, "result", "fail")).drafts())
        .contains(
            new DraftRegistration(
                "P2P_Invest",
                false,
                List.of(new DraftProperty("result", PropertyType.STRING, false))));
  }

  @Test
  void registersCustomPropertiesOfAPresetEventTheyPlanDoesNotList() {
    assertThat(
            validator.check("$AppViewScreen", ordered("$screen_name", "Home", "page_id", "home")))
        .isEqualTo(
            new ValidationResult(
                List.of(),
                Optional.of(
                    new DraftRegistration(
                        "$AppViewScreen",
                        true,
                        List.of(new DraftProperty("page_id", PropertyType.STRING, true))))));
  }

  static Stream<Arguments> inferredTypes() {
    return Stream.of(
        Arguments.of(7L, PropertyType.NUMBER),
        Arguments.of(new BigDecimal("7.5"), PropertyType.NUMBER),
        Arguments.of(true, PropertyType.BOOL),
        Arguments.of("text", PropertyType.STRING),
        Arguments.of("2017-01-31", PropertyType.DATE),
        Arguments.of("2017-01-31 08:00:00", PropertyType.DATETIME),
        Arguments.of(List.of("a", "b"), PropertyType.LIST),
        Arguments.of(List.of(), PropertyType.LIST));
  }

  @ParameterizedTest(name = "{0} is a {1}")
  @MethodSource("inferredTypes")
  void infersTheTypeFromTheFirstValue(Object value, PropertyType type) {
    assertThat(validator.check("P2P_Invest", ordered("amount", 1L, "extra", value)).drafts())
        .get()
        .extracting(DraftRegistration::properties)
        .isEqualTo(List.of(new DraftProperty("extra", type, true)));
  }

  static Stream<Arguments> stillQuarantined() {
    return Stream.of(
        Arguments.of(
            "a type violation of a defined property",
            "P2P_Invest",
            ordered("amount", "lots"),
            QuarantineCode.TYPE_MISMATCH,
            "properties.amount"),
        Arguments.of(
            "an enum violation of a defined property the event does not list",
            "P2P_Invest",
            ordered("amount", 1L, "result", "ok"),
            QuarantineCode.NOT_IN_ENUM,
            "properties.result"),
        Arguments.of(
            "a bound violation on an unknown event",
            "P2P_Withdraw",
            ordered("amount", -1L),
            QuarantineCode.OUT_OF_RANGE,
            "properties.amount"),
        Arguments.of(
            "a FORBIDDEN property",
            "P2P_Invest",
            ordered("amount", 1L, "id_card_number", "110101199003071234"),
            QuarantineCode.FORBIDDEN_PROPERTY,
            "properties.id_card_number"),
        Arguments.of(
            "a missing required property",
            "P2P_Invest",
            ordered(),
            QuarantineCode.MISSING_REQUIRED_PROPERTY,
            "properties.amount"),
        Arguments.of(
            "an unknown $ property",
            "P2P_Invest",
            ordered("amount", 1L, "$is_vip", true),
            QuarantineCode.UNKNOWN_PROPERTY,
            "properties.$is_vip"),
        Arguments.of(
            "an unknown property with a reserved name",
            "P2P_Invest",
            ordered("amount", 1L, "user_id", "u"),
            QuarantineCode.UNKNOWN_PROPERTY,
            "properties.user_id"),
        Arguments.of(
            "an unknown property whose type cannot be inferred",
            "P2P_Invest",
            ordered("amount", 1L, "note", null),
            QuarantineCode.UNKNOWN_PROPERTY,
            "properties.note"),
        Arguments.of(
            "an unknown event with an invalid name",
            "P2P-Withdraw",
            ordered(),
            QuarantineCode.UNKNOWN_EVENT,
            "event"),
        Arguments.of(
            "an unknown $ event", "$AppLaunch", ordered(), QuarantineCode.UNKNOWN_EVENT, "event"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("stillQuarantined")
  void stillQuarantines(
      String what, String event, Map<String, Object> properties, QuarantineCode code, String path) {
    ValidationResult result = validator.check(event, properties);

    assertThat(result.reasons())
        .extracting(QuarantineReason::code, QuarantineReason::path)
        .containsExactly(tuple(code, path));
    assertThat(result.drafts()).isEmpty();
  }

  @Test
  void explainsWhyAnUnknownNameCannotBeRegistered() {
    assertThat(validator.validate("P2P-Withdraw", Map.of()))
        .extracting(QuarantineReason::message)
        .containsExactly(
            "event 'P2P-Withdraw' is not in the tracking plan and cannot be registered: event name"
                + " 'P2P-Withdraw' must start with a letter and hold only letters, digits and _");
  }

  private static Map<String, Object> ordered(Object... namesAndValues) {
    Map<String, Object> properties = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      properties.put((String) namesAndValues[i], namesAndValues[i + 1]);
    }
    return properties;
  }
}
