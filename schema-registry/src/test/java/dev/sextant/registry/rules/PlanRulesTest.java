package dev.sextant.registry.rules;

import static dev.sextant.registry.plan.TrackingPlans.aPlan;
import static dev.sextant.registry.plan.TrackingPlans.aProperty;
import static dev.sextant.registry.plan.TrackingPlans.anEvent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.sextant.registry.plan.PiiClass;
import dev.sextant.registry.plan.PropertyType;
import dev.sextant.registry.plan.TrackingPlan;
import dev.sextant.registry.plan.TrackingPlans;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every naming rule a plan keeps on its own, one broken at a time, and all at once. */
class PlanRulesTest {

  /** A plan that keeps every rule; each case adds one thing that breaks one. */
  private static TrackingPlans aValidPlan() {
    return aPlan("demo")
        .line("platform", "")
        .line("p2p", "P2P_")
        .line("forex", "forex_")
        .event(anEvent("SignUp").in("platform").with("result!"))
        .event(anEvent("P2P_Invest").in("p2p").with("amount!", "result", "$os"))
        .event(anEvent("$AppStart").in("platform").with("$is_first_time"))
        .event(anEvent("forex_Deposit").in("forex").with("amount!"))
        .property(aProperty("amount", PropertyType.NUMBER).min("0").max("1000000").unit("CNY"))
        .property(aProperty("result", PropertyType.STRING).values("success", "fail").maxLength(10))
        .property(aProperty("term_days", PropertyType.NUMBER).values("30", "90", "180"))
        .property(aProperty("tags", PropertyType.LIST).values("new", "vip"))
        .property(aProperty("id_card_number", PropertyType.STRING).pii(PiiClass.FORBIDDEN))
        .property(aProperty("platform_type", PropertyType.STRING).common());
  }

  @Test
  void acceptsAPlanThatKeepsEveryRule() {
    assertThat(PlanRules.check(aValidPlan().build())).isEmpty();
  }

  @Test
  void acceptsAPlanWithoutBusinessLines() {
    assertThat(
            PlanRules.check(
                aPlan("fx")
                    .event("forex_Deposit", "amount!")
                    .property("amount", PropertyType.NUMBER)
                    .build()))
        .isEmpty();
  }

  static Stream<Arguments> brokenRules() {
    return Stream.of(
        rule(
            "an event name with a dash",
            p -> p.event(anEvent("P2P_Re-Invest").in("p2p")),
            "events[4].name",
            ViolationCode.INVALID_NAME),
        rule(
            "an event name starting with a digit",
            p -> p.event(anEvent("2FA_Check")),
            "events[4].name",
            ViolationCode.INVALID_NAME),
        rule(
            "an event name of Chinese characters",
            p -> p.event(anEvent("投资")),
            "events[4].name",
            ViolationCode.INVALID_NAME),
        rule(
            "an event name of 101 characters",
            p -> p.event(anEvent("P2P_" + "x".repeat(97)).in("p2p")),
            "events[4].name",
            ViolationCode.NAME_TOO_LONG),
        rule(
            "an event without a name",
            p -> p.event(anEvent(null)),
            "events[4].name",
            ViolationCode.REQUIRED),
        rule(
            "an event named like a reserved column",
            p -> p.event(anEvent("Distinct_ID")),
            "events[4].name",
            ViolationCode.RESERVED_NAME),
        rule(
            "a $ event that is not a preset",
            p -> p.event(anEvent("$Invest")),
            "events[4].name",
            ViolationCode.SYSTEM_NAME),
        rule(
            "the same event twice",
            p -> p.event(anEvent("SignUp").in("platform")),
            "events[4].name",
            ViolationCode.DUPLICATE_NAME),
        rule(
            "two events differing only in case",
            p -> p.event(anEvent("signup").in("platform")),
            "events[4].name",
            ViolationCode.NAME_CLASH_IGNORING_CASE),
        rule(
            "an event of a line without the line's prefix",
            p -> p.event(anEvent("Invest").in("p2p")),
            "events[4].name",
            ViolationCode.EVENT_PREFIX_MISMATCH),
        rule(
            "an event with another line's prefix",
            p -> p.event(anEvent("forex_Invest").in("p2p")),
            "events[4].name",
            ViolationCode.EVENT_PREFIX_MISMATCH),
        rule(
            "a prefixed event in the unprefixed line",
            p -> p.event(anEvent("P2P_Share").in("platform")),
            "events[4].business_line",
            ViolationCode.EVENT_PREFIX_MISMATCH),
        rule(
            "a prefixed event of no line",
            p -> p.event(anEvent("P2P_Share")),
            "events[4].business_line",
            ViolationCode.EVENT_PREFIX_MISMATCH),
        rule(
            "an event of an undefined line",
            p -> p.event(anEvent("stock_Buy").in("stock")),
            "events[4].business_line",
            ViolationCode.UNDEFINED_BUSINESS_LINE),
        rule(
            "an event listing an undefined property",
            p -> p.event(anEvent("Login").in("platform").with("login_method")),
            "events[4].properties[0].name",
            ViolationCode.UNDEFINED_PROPERTY),
        rule(
            "an event listing a $ property that is no preset",
            p -> p.event(anEvent("Login").in("platform").with("$login_method")),
            "events[4].properties[0].name",
            ViolationCode.SYSTEM_NAME),
        rule(
            "an event listing a property twice",
            p -> p.event(anEvent("Login").in("platform").with("result", "result!")),
            "events[4].properties[1].name",
            ViolationCode.DUPLICATE_NAME),
        rule(
            "an event listing a FORBIDDEN property",
            p -> p.event(anEvent("RealNameVerify").in("platform").with("id_card_number")),
            "events[4].properties[0].name",
            ViolationCode.FORBIDDEN_PROPERTY_USED),
        rule(
            "a property with a space in its name",
            p -> p.property(aProperty("fail reason", PropertyType.STRING)),
            "properties[6].name",
            ViolationCode.INVALID_NAME),
        rule(
            "a property named $os",
            p -> p.property(aProperty("$os", PropertyType.STRING)),
            "properties[6].name",
            ViolationCode.SYSTEM_NAME),
        rule(
            "a property named time",
            p -> p.property(aProperty("time", PropertyType.DATETIME)),
            "properties[6].name",
            ViolationCode.RESERVED_NAME),
        rule(
            "a property named like a Sextant column",
            p -> p.property(aProperty("Insert_Id", PropertyType.STRING)),
            "properties[6].name",
            ViolationCode.RESERVED_NAME),
        rule(
            "a NUMBER property to be hashed",
            p -> p.property(aProperty("salary", PropertyType.NUMBER).pii(PiiClass.HASH)),
            "properties[6].pii",
            ViolationCode.NOT_ALLOWED_FOR_TYPE),
        rule(
            "a DATE property to be masked",
            p -> p.property(aProperty("birthday", PropertyType.DATE).pii(PiiClass.MASK)),
            "properties[6].pii",
            ViolationCode.NOT_ALLOWED_FOR_TYPE),
        rule(
            "a property without a type",
            p -> p.property(aProperty("channel", null)),
            "properties[6].type",
            ViolationCode.REQUIRED),
        rule(
            "a property defined twice (one type per name)",
            p -> p.property(aProperty("amount", PropertyType.STRING)),
            "properties[6].name",
            ViolationCode.DUPLICATE_NAME),
        rule(
            "two properties differing only in case",
            p -> p.property(aProperty("Amount", PropertyType.NUMBER)),
            "properties[6].name",
            ViolationCode.NAME_CLASH_IGNORING_CASE),
        rule(
            "max_length on a NUMBER",
            p -> p.property(aProperty("price", PropertyType.NUMBER).maxLength(10)),
            "properties[6].max_length",
            ViolationCode.NOT_ALLOWED_FOR_TYPE),
        rule(
            "max_length of zero",
            p -> p.property(aProperty("remark", PropertyType.STRING).maxLength(0)),
            "properties[6].max_length",
            ViolationCode.INVALID_BOUNDS),
        rule(
            "max_length above 65535",
            p -> p.property(aProperty("remark", PropertyType.STRING).maxLength(65_536)),
            "properties[6].max_length",
            ViolationCode.INVALID_BOUNDS),
        rule(
            "min on a STRING",
            p -> p.property(aProperty("remark", PropertyType.STRING).min("1")),
            "properties[6].min",
            ViolationCode.NOT_ALLOWED_FOR_TYPE),
        rule(
            "max on a DATE",
            p -> p.property(aProperty("birthday", PropertyType.DATE).max("1")),
            "properties[6].max",
            ViolationCode.NOT_ALLOWED_FOR_TYPE),
        rule(
            "min above max",
            p -> p.property(aProperty("rate", PropertyType.NUMBER).min("36").max("0.5")),
            "properties[6].min",
            ViolationCode.INVALID_BOUNDS),
        rule(
            "enumerated values on a BOOL",
            p -> p.property(aProperty("vip", PropertyType.BOOL).values("true")),
            "properties[6].values",
            ViolationCode.NOT_ALLOWED_FOR_TYPE),
        rule(
            "enumerated values on a DATETIME",
            p -> p.property(aProperty("at", PropertyType.DATETIME).values("2017-01-01 00:00:00")),
            "properties[6].values",
            ViolationCode.NOT_ALLOWED_FOR_TYPE),
        rule(
            "a decimal value in a NUMBER enum",
            p -> p.property(aProperty("risk_level", PropertyType.NUMBER).values("1", "2.5")),
            "properties[6].values[1].value",
            ViolationCode.INVALID_ENUM_VALUE),
        rule(
            "a NUMBER enum value outside the bounds",
            p ->
                p.property(
                    aProperty("risk_level", PropertyType.NUMBER).min("1").max("5").values("6")),
            "properties[6].values[0].value",
            ViolationCode.INVALID_ENUM_VALUE),
        rule(
            "a STRING enum value longer than max_length",
            p -> p.property(aProperty("side", PropertyType.STRING).maxLength(4).values("short")),
            "properties[6].values[0].value",
            ViolationCode.INVALID_ENUM_VALUE),
        rule(
            "an empty enum value",
            p -> p.property(aProperty("side", PropertyType.STRING).values("buy", "")),
            "properties[6].values[1].value",
            ViolationCode.REQUIRED),
        rule(
            "an enum value twice",
            p -> p.property(aProperty("side", PropertyType.STRING).values("buy", "buy")),
            "properties[6].values[1].value",
            ViolationCode.DUPLICATE_ENUM_VALUE),
        rule(
            "a NUMBER enum value twice in two spellings",
            p -> p.property(aProperty("term", PropertyType.NUMBER).values("90", "90.0")),
            "properties[6].values[1].value",
            ViolationCode.DUPLICATE_ENUM_VALUE),
        rule(
            "a FORBIDDEN property common to all events",
            p ->
                p.property(
                    aProperty("phone", PropertyType.STRING).pii(PiiClass.FORBIDDEN).common()),
            "properties[6].common",
            ViolationCode.FORBIDDEN_PROPERTY_USED),
        rule(
            "a display name of 101 characters",
            p -> p.property(aProperty("remark", PropertyType.STRING).displayName("备".repeat(101))),
            "properties[6].display_name",
            ViolationCode.TEXT_TOO_LONG),
        rule(
            "a unit of 21 characters",
            p -> p.property(aProperty("remark", PropertyType.NUMBER).unit("u".repeat(21))),
            "properties[6].unit",
            ViolationCode.TEXT_TOO_LONG),
        rule(
            "a line with an invalid name",
            p -> p.line("stock-a", "stock_"),
            "business_lines[3].name",
            ViolationCode.INVALID_NAME),
        rule(
            "a prefix without a trailing underscore",
            p -> p.line("stock", "stock"),
            "business_lines[3].event_prefix",
            ViolationCode.INVALID_PREFIX),
        rule(
            "a prefix with a dash",
            p -> p.line("stock", "st-ock_"),
            "business_lines[3].event_prefix",
            ViolationCode.INVALID_PREFIX),
        rule(
            "a prefix of 21 characters",
            p -> p.line("stock", "s".repeat(20) + "_"),
            "business_lines[3].event_prefix",
            ViolationCode.INVALID_PREFIX),
        rule(
            "two lines with one prefix",
            p -> p.line("lending", "P2P_"),
            "business_lines[3].event_prefix",
            ViolationCode.DUPLICATE_PREFIX),
        rule(
            "two lines without a prefix",
            p -> p.line("shared", ""),
            "business_lines[3].event_prefix",
            ViolationCode.DUPLICATE_PREFIX),
        rule(
            "the same line twice",
            p -> p.line("p2p", "Loan_"),
            "business_lines[3].name",
            ViolationCode.DUPLICATE_NAME),
        rule(
            "a time zone that does not exist",
            p -> p.timeZone("Asia/Beijing"),
            "settings.time_zone",
            ViolationCode.INVALID_TIME_ZONE));
  }

  private static Arguments rule(
      String what, UnaryOperator<TrackingPlans> breakIt, String path, ViolationCode code) {
    return Arguments.of(what, breakIt, path, code);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("brokenRules")
  void refusesAPlanThatBreaksOneRule(
      String what, UnaryOperator<TrackingPlans> breakIt, String path, ViolationCode code) {
    assertThat(PlanRules.check(breakIt.apply(aValidPlan()).build()))
        .extracting(PlanViolation::path, PlanViolation::code)
        .containsExactly(tuple(path, code));
  }

  @Test
  void refusesAProjectNameThatIsNoName() {
    assertThat(PlanRules.check(aPlan("my project").build()))
        .extracting(PlanViolation::path, PlanViolation::code)
        .containsExactly(tuple("project", ViolationCode.INVALID_NAME));
  }

  @Test
  void listsEveryViolationInOneAnswerWithNamesInTheMessages() {
    TrackingPlan plan =
        aValidPlan()
            .event(anEvent("Invest").in("p2p").with("coupon"))
            .property(aProperty("$os", PropertyType.STRING))
            .timeZone("Mars/Olympus")
            .build();

    assertThatThrownBy(() -> PlanRules.requireValidChange(Optional.empty(), plan))
        .isInstanceOfSatisfying(
            PlanRejectedException.class,
            e -> {
              assertThat(e.violations())
                  .extracting(PlanViolation::path, PlanViolation::code)
                  .containsExactlyInAnyOrder(
                      tuple("settings.time_zone", ViolationCode.INVALID_TIME_ZONE),
                      tuple("properties[6].name", ViolationCode.SYSTEM_NAME),
                      tuple("events[4].name", ViolationCode.EVENT_PREFIX_MISMATCH),
                      tuple("events[4].properties[0].name", ViolationCode.UNDEFINED_PROPERTY));
              assertThat(e.violations())
                  .extracting(PlanViolation::message)
                  .contains(
                      "event 'Invest' of business line 'p2p' must start with the line's prefix"
                          + " 'P2P_'",
                      "event 'Invest' lists property 'coupon', which the plan does not define");
              assertThat(e).hasMessageStartingWith("the tracking plan of project 'demo' breaks 4");
            });
  }

  @Test
  void theLongestMatchingPrefixDecidesTheLine() {
    TrackingPlan plan =
        aPlan("demo")
            .line("p2p", "P2P_")
            .line("p2p_pro", "P2P_Pro_")
            .event(anEvent("P2P_Pro_Invest").in("p2p_pro"))
            .event(anEvent("P2P_Invest").in("p2p"))
            .event(anEvent("P2P_Pro_Redeem").in("p2p"))
            .build();

    assertThat(PlanRules.check(plan))
        .extracting(PlanViolation::path, PlanViolation::code)
        .containsExactly(tuple("events[2].business_line", ViolationCode.EVENT_PREFIX_MISMATCH));
  }

  @Test
  void presetEventsNeedNoPrefixAndMayBelongToAnyLine() {
    TrackingPlan plan =
        aPlan("demo").line("p2p", "P2P_").event(anEvent("$pageview").in("p2p")).build();

    assertThat(PlanRules.check(plan)).isEmpty();
  }
}
